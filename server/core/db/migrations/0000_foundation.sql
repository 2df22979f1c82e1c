CREATE TABLE "accommodation_need" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"description" text NOT NULL,
	"registered_by_person_id" uuid,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accommodation_need_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "account" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"username" text NOT NULL,
	"password_hash" text,
	"oidc_subject" text,
	"disabled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "account_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"owner_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" uuid,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text,
	"student_id" uuid,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"reason_code" text NOT NULL,
	"reason_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_log_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "basis_group" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"department_id" uuid,
	"name" text NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "basis_group_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_person_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consent_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_log_entry" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"visibility" text DEFAULT 'contactTeacherAndLeaders' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid,
	CONSTRAINT "contact_log_entry_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_teacher_assignment" (
	"owner_id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"staff_member_id" uuid NOT NULL,
	CONSTRAINT "contact_teacher_assignment_owner_id_basis_group_id_staff_member_id_pk" PRIMARY KEY("owner_id","basis_group_id","staff_member_id")
);
--> statement-breakpoint
CREATE TABLE "department" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "department_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "enrolment" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"basis_group_id" uuid,
	"teaching_group_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "enrolment_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "one_group" CHECK (("enrolment"."basis_group_id" is null) <> ("enrolment"."teaching_group_id" is null)),
	CONSTRAINT "dates_ordered" CHECK ("enrolment"."ends_on" is null or "enrolment"."ends_on" > "enrolment"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "guardianship" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"parental_responsibility" boolean NOT NULL,
	"lives_with" boolean NOT NULL,
	CONSTRAINT "guardianship_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "information_decision" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"guardianship_id" uuid NOT NULL,
	"granted" boolean NOT NULL,
	"reason" text NOT NULL,
	"decided_by_person_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "information_decision_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"owner_id" uuid,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"done_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "person" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date,
	"national_identity_number" text,
	"email" text,
	"phone" text,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"address_protection" text DEFAULT 'none' NOT NULL,
	"preferred_locale" text DEFAULT 'nb' NOT NULL,
	CONSTRAINT "person_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"stage" text NOT NULL,
	CONSTRAINT "school_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "school_owner" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_year" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "school_year_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"owner_id" uuid NOT NULL,
	"id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_member" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"title" text,
	CONSTRAINT "staff_member_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_role" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"role" text NOT NULL,
	"department_id" uuid,
	CONSTRAINT "staff_role_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "student" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"department_id" uuid,
	"level" text NOT NULL,
	"programme" text,
	"status" text DEFAULT 'active' NOT NULL,
	"minority_language" boolean DEFAULT false NOT NULL,
	"years_of_residence" integer,
	"special_education_right" boolean DEFAULT false NOT NULL,
	CONSTRAINT "student_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "years_of_residence_range" CHECK ("student"."years_of_residence" is null or "student"."years_of_residence" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "subject" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"annual_hours" integer NOT NULL,
	CONSTRAINT "subject_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "subject_teacher_assignment" (
	"owner_id" uuid NOT NULL,
	"teaching_group_id" uuid NOT NULL,
	"staff_member_id" uuid NOT NULL,
	CONSTRAINT "subject_teacher_assignment_owner_id_teaching_group_id_staff_member_id_pk" PRIMARY KEY("owner_id","teaching_group_id","staff_member_id")
);
--> statement-breakpoint
CREATE TABLE "teaching_group" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "teaching_group_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "term" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "term_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
ALTER TABLE "accommodation_need" ADD CONSTRAINT "accommodation_need_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_owner_id_person_id_person_owner_id_id_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."person"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basis_group" ADD CONSTRAINT "basis_group_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basis_group" ADD CONSTRAINT "basis_group_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_log_entry" ADD CONSTRAINT "contact_log_entry_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_teacher_assignment" ADD CONSTRAINT "contact_teacher_assignment_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_teacher_assignment" ADD CONSTRAINT "contact_teacher_assignment_owner_id_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department" ADD CONSTRAINT "department_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_owner_id_teaching_group_id_teaching_group_owner_id_id_fk" FOREIGN KEY ("owner_id","teaching_group_id") REFERENCES "public"."teaching_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship" ADD CONSTRAINT "guardianship_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship" ADD CONSTRAINT "guardianship_owner_id_guardian_person_id_person_owner_id_id_fk" FOREIGN KEY ("owner_id","guardian_person_id") REFERENCES "public"."person"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_decision" ADD CONSTRAINT "information_decision_owner_id_guardianship_id_guardianship_owner_id_id_fk" FOREIGN KEY ("owner_id","guardianship_id") REFERENCES "public"."guardianship"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school" ADD CONSTRAINT "school_owner_id_school_owner_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."school_owner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_member" ADD CONSTRAINT "staff_member_owner_id_person_id_person_owner_id_id_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."person"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_member" ADD CONSTRAINT "staff_member_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_role" ADD CONSTRAINT "staff_role_owner_id_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student" ADD CONSTRAINT "student_owner_id_person_id_person_owner_id_id_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."person"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student" ADD CONSTRAINT "student_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student" ADD CONSTRAINT "student_owner_id_department_id_department_owner_id_id_fk" FOREIGN KEY ("owner_id","department_id") REFERENCES "public"."department"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_teacher_assignment" ADD CONSTRAINT "subject_teacher_assignment_owner_id_teaching_group_id_teaching_group_owner_id_id_fk" FOREIGN KEY ("owner_id","teaching_group_id") REFERENCES "public"."teaching_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_teacher_assignment" ADD CONSTRAINT "subject_teacher_assignment_owner_id_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_group" ADD CONSTRAINT "teaching_group_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_group" ADD CONSTRAINT "teaching_group_owner_id_subject_id_subject_owner_id_id_fk" FOREIGN KEY ("owner_id","subject_id") REFERENCES "public"."subject"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_group" ADD CONSTRAINT "teaching_group_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term" ADD CONSTRAINT "term_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accommodation_need_owner_id_student_id_index" ON "accommodation_need" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_username_index" ON "account" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "account_oidc_subject_index" ON "account" USING btree ("oidc_subject");--> statement-breakpoint
CREATE INDEX "audit_log_owner_id_student_id_at_index" ON "audit_log" USING btree ("owner_id","student_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_owner_id_actor_person_id_at_index" ON "audit_log" USING btree ("owner_id","actor_person_id","at");--> statement-breakpoint
CREATE INDEX "consent_owner_id_student_id_index" ON "consent" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "contact_log_entry_owner_id_student_id_occurred_on_index" ON "contact_log_entry" USING btree ("owner_id","student_id","occurred_on");--> statement-breakpoint
CREATE INDEX "contact_teacher_assignment_owner_id_staff_member_id_index" ON "contact_teacher_assignment" USING btree ("owner_id","staff_member_id");--> statement-breakpoint
CREATE INDEX "enrolment_owner_id_student_id_index" ON "enrolment" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "enrolment_owner_id_basis_group_id_index" ON "enrolment" USING btree ("owner_id","basis_group_id");--> statement-breakpoint
CREATE INDEX "enrolment_owner_id_teaching_group_id_index" ON "enrolment" USING btree ("owner_id","teaching_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guardianship_owner_id_student_id_guardian_person_id_index" ON "guardianship" USING btree ("owner_id","student_id","guardian_person_id");--> statement-breakpoint
CREATE INDEX "guardianship_owner_id_guardian_person_id_index" ON "guardianship" USING btree ("owner_id","guardian_person_id");--> statement-breakpoint
CREATE INDEX "information_decision_owner_id_guardianship_id_index" ON "information_decision" USING btree ("owner_id","guardianship_id");--> statement-breakpoint
CREATE INDEX "job_run_at_index" ON "job" USING btree ("run_at") WHERE "job"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "person_owner_id_national_identity_number_index" ON "person" USING btree ("owner_id","national_identity_number");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_member_owner_id_person_id_school_id_index" ON "staff_member" USING btree ("owner_id","person_id","school_id");--> statement-breakpoint
CREATE INDEX "staff_role_owner_id_staff_member_id_index" ON "staff_role" USING btree ("owner_id","staff_member_id");--> statement-breakpoint
CREATE INDEX "student_owner_id_person_id_index" ON "student" USING btree ("owner_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_owner_id_code_index" ON "subject" USING btree ("owner_id","code");--> statement-breakpoint
CREATE INDEX "subject_teacher_assignment_owner_id_staff_member_id_index" ON "subject_teacher_assignment" USING btree ("owner_id","staff_member_id");
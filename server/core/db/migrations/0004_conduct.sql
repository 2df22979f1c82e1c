CREATE TABLE "conduct_grade" (
	"owner_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"order" text NOT NULL,
	"behaviour" text NOT NULL,
	"reasons" text,
	"measure_id" uuid,
	"set_by_person_id" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_grade_owner_id_student_id_term_id_pk" PRIMARY KEY("owner_id","student_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "conduct_input" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"teacher_person_id" uuid NOT NULL,
	"teaching_group_id" uuid,
	"order" text NOT NULL,
	"behaviour" text NOT NULL,
	"reasons" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_input_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "conduct_review" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" text,
	"reviewed_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_review_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "conduct_review_outcome" (
	"owner_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	CONSTRAINT "conduct_review_outcome_owner_id_review_id_student_id_pk" PRIMARY KEY("owner_id","review_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "disciplinary_case" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"reported_by_person_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "disciplinary_case_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "disciplinary_hearing" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"heard_on" date NOT NULL,
	"student_view" text NOT NULL,
	"heard_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disciplinary_hearing_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "disciplinary_incident" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"place" text NOT NULL,
	"description" text NOT NULL,
	"rule" text NOT NULL,
	"reported_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disciplinary_incident_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "disciplinary_measure" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by_person_id" uuid NOT NULL,
	"single_incident" boolean DEFAULT false NOT NULL,
	"addressed_to_family" boolean DEFAULT false NOT NULL,
	"teaching_group_id" uuid,
	"minutes" smallint,
	"evaluate_on" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disciplinary_measure_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "removal_minutes" CHECK ("disciplinary_measure"."kind" <> 'removalFromLesson' or "disciplinary_measure"."minutes" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "physical_intervention" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"incident_account" text NOT NULL,
	"intervention_account" text NOT NULL,
	"student_view" text NOT NULL,
	"performed_by_person_id" uuid NOT NULL,
	"reported_to_principal_on" date NOT NULL,
	"parents_informed_on" date,
	"parents_informed_by_person_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "physical_intervention_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "suspension" (
	"owner_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"notice_sent_on" date NOT NULL,
	"notice_by_person_id" uuid NOT NULL,
	"decided_on" date,
	"decided_by_person_id" uuid,
	"measure_id" uuid,
	"scope" text,
	"lessons" smallint,
	"days" smallint,
	"starts_on" date,
	"reasons" text,
	"milder_measures" text,
	"guardians_told_on" date,
	"notified_on" date,
	"appeal_received_on" date,
	"appeal_outcome" text,
	"appeal_decided_on" date,
	CONSTRAINT "suspension_owner_id_case_id_pk" PRIMARY KEY("owner_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "conduct_grade" ADD CONSTRAINT "conduct_grade_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_grade" ADD CONSTRAINT "conduct_grade_owner_id_term_id_term_owner_id_id_fk" FOREIGN KEY ("owner_id","term_id") REFERENCES "public"."term"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_input" ADD CONSTRAINT "conduct_input_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_input" ADD CONSTRAINT "conduct_input_owner_id_term_id_term_owner_id_id_fk" FOREIGN KEY ("owner_id","term_id") REFERENCES "public"."term"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_review" ADD CONSTRAINT "conduct_review_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_review_outcome" ADD CONSTRAINT "conduct_review_outcome_owner_id_review_id_conduct_review_owner_id_id_fk" FOREIGN KEY ("owner_id","review_id") REFERENCES "public"."conduct_review"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_review_outcome" ADD CONSTRAINT "conduct_review_outcome_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplinary_case" ADD CONSTRAINT "disciplinary_case_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplinary_hearing" ADD CONSTRAINT "disciplinary_hearing_owner_id_case_id_disciplinary_case_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."disciplinary_case"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplinary_incident" ADD CONSTRAINT "disciplinary_incident_owner_id_case_id_disciplinary_case_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."disciplinary_case"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplinary_measure" ADD CONSTRAINT "disciplinary_measure_owner_id_case_id_disciplinary_case_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."disciplinary_case"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_intervention" ADD CONSTRAINT "physical_intervention_owner_id_case_id_disciplinary_case_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."disciplinary_case"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspension" ADD CONSTRAINT "suspension_owner_id_case_id_disciplinary_case_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."disciplinary_case"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conduct_input_owner_id_student_id_term_id_teacher_person_id_index" ON "conduct_input" USING btree ("owner_id","student_id","term_id","teacher_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conduct_review_owner_id_basis_group_id_term_id_index" ON "conduct_review" USING btree ("owner_id","basis_group_id","term_id");--> statement-breakpoint
CREATE INDEX "disciplinary_case_owner_id_student_id_index" ON "disciplinary_case" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "disciplinary_hearing_owner_id_case_id_index" ON "disciplinary_hearing" USING btree ("owner_id","case_id");--> statement-breakpoint
CREATE INDEX "disciplinary_incident_owner_id_case_id_index" ON "disciplinary_incident" USING btree ("owner_id","case_id");--> statement-breakpoint
CREATE INDEX "disciplinary_measure_owner_id_case_id_index" ON "disciplinary_measure" USING btree ("owner_id","case_id");--> statement-breakpoint
CREATE INDEX "physical_intervention_owner_id_case_id_index" ON "physical_intervention" USING btree ("owner_id","case_id");
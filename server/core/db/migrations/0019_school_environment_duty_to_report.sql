CREATE TABLE "child_welfare_report" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"reporter_person_id" uuid NOT NULL,
	"sent_on" date NOT NULL,
	"category" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_welfare_report_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "duty_to_report_setting" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"procedure_nb" text,
	"procedure_nn" text,
	"procedure_en" text,
	"child_welfare_name" text DEFAULT '' NOT NULL,
	"child_welfare_phone" text DEFAULT '' NOT NULL,
	"child_welfare_email" text DEFAULT '' NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_to_report_setting_owner_id_school_id_pk" PRIMARY KEY("owner_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "activity_plan_version" (
	"owner_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"problem" text NOT NULL,
	"measures" jsonb NOT NULL,
	"saved_by_person_id" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_plan_version_owner_id_case_id_version_pk" PRIMARY KEY("owner_id","case_id","version")
);
--> statement-breakpoint
CREATE TABLE "school_environment_case" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"reported_by_person_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"concern" text NOT NULL,
	"concerns_staff_member_id" uuid,
	"concerns_person_id" uuid,
	"leadership_involved" boolean DEFAULT false NOT NULL,
	"escalated_to_owner_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_environment_case_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "school_environment_log_entry" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"measure_id" uuid,
	"plan_version" integer,
	"by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_environment_log_entry_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "school_environment_participant" (
	"owner_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"added_by_person_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_environment_participant_owner_id_case_id_person_id_pk" PRIMARY KEY("owner_id","case_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "child_welfare_report" ADD CONSTRAINT "child_welfare_report_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_plan_version" ADD CONSTRAINT "activity_plan_version_owner_id_case_id_school_environment_case_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."school_environment_case"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_environment_case" ADD CONSTRAINT "school_environment_case_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_environment_case" ADD CONSTRAINT "school_environment_case_owner_id_concerns_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","concerns_staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_environment_log_entry" ADD CONSTRAINT "school_environment_log_entry_owner_id_case_id_school_environment_case_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."school_environment_case"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_environment_participant" ADD CONSTRAINT "school_environment_participant_owner_id_case_id_school_environment_case_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."school_environment_case"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_welfare_report_owner_id_student_id_index" ON "child_welfare_report" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "child_welfare_report_owner_id_school_id_sent_on_index" ON "child_welfare_report" USING btree ("owner_id","school_id","sent_on");--> statement-breakpoint
CREATE INDEX "school_environment_case_owner_id_student_id_index" ON "school_environment_case" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "school_environment_case_owner_id_school_id_reported_on_index" ON "school_environment_case" USING btree ("owner_id","school_id","reported_on");--> statement-breakpoint
CREATE INDEX "school_environment_log_entry_owner_id_case_id_recorded_at_index" ON "school_environment_log_entry" USING btree ("owner_id","case_id","recorded_at");
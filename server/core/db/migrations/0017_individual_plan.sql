CREATE TABLE "adapted_arrangement" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"adaptation" text NOT NULL,
	"work_plan" text NOT NULL,
	"agreed_on" date NOT NULL,
	"agreed_with_student" boolean NOT NULL,
	"agreed_with_guardians" boolean NOT NULL,
	"support_services" text DEFAULT '' NOT NULL,
	"ends_on" date,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adapted_arrangement_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "adapted_arrangement_ends_after_agreed" CHECK ("adapted_arrangement"."ends_on" is null or "adapted_arrangement"."ends_on" >= "adapted_arrangement"."agreed_on")
);
--> statement-breakpoint
CREATE TABLE "individual_plan" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "individual_plan_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "individual_plan_part" (
	"owner_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"updated_by_person_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"report_updated_by_person_id" uuid,
	"report_updated_at" timestamp with time zone,
	CONSTRAINT "individual_plan_part_owner_id_plan_id_subject_id_pk" PRIMARY KEY("owner_id","plan_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "individual_plan_setting" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"reports_per_year" integer DEFAULT 1 NOT NULL,
	"updated_by_person_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "individual_plan_setting_owner_id_school_id_pk" PRIMARY KEY("owner_id","school_id"),
	CONSTRAINT "individual_plan_setting_reports" CHECK ("individual_plan_setting"."reports_per_year" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "plan_report" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"period" text NOT NULL,
	"summary" text NOT NULL,
	"parts" jsonb NOT NULL,
	"finalised_by_person_id" uuid NOT NULL,
	"finalised_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_report_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "special_education_decision" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"reference" text NOT NULL,
	"subject_ids" uuid[] NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "special_education_decision_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
ALTER TABLE "adapted_arrangement" ADD CONSTRAINT "adapted_arrangement_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_plan" ADD CONSTRAINT "individual_plan_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_plan" ADD CONSTRAINT "individual_plan_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_plan" ADD CONSTRAINT "individual_plan_owner_id_decision_id_special_education_decision_owner_id_id_fk" FOREIGN KEY ("owner_id","decision_id") REFERENCES "public"."special_education_decision"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_plan_part" ADD CONSTRAINT "individual_plan_part_owner_id_plan_id_individual_plan_owner_id_id_fk" FOREIGN KEY ("owner_id","plan_id") REFERENCES "public"."individual_plan"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_plan_part" ADD CONSTRAINT "individual_plan_part_owner_id_subject_id_subject_owner_id_id_fk" FOREIGN KEY ("owner_id","subject_id") REFERENCES "public"."subject"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_plan_setting" ADD CONSTRAINT "individual_plan_setting_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_report" ADD CONSTRAINT "plan_report_owner_id_plan_id_individual_plan_owner_id_id_fk" FOREIGN KEY ("owner_id","plan_id") REFERENCES "public"."individual_plan"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_education_decision" ADD CONSTRAINT "special_education_decision_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adapted_arrangement_owner_id_student_id_index" ON "adapted_arrangement" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "individual_plan_owner_id_student_id_school_year_id_index" ON "individual_plan" USING btree ("owner_id","student_id","school_year_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_report_owner_id_plan_id_version_index" ON "plan_report" USING btree ("owner_id","plan_id","version");--> statement-breakpoint
CREATE INDEX "special_education_decision_owner_id_student_id_index" ON "special_education_decision" USING btree ("owner_id","student_id");
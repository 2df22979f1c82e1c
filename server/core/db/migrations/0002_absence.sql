CREATE TABLE "absence" (
	"owner_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"day" date NOT NULL,
	"lesson_id" uuid NOT NULL,
	"minutes" smallint NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"full_day" boolean DEFAULT false NOT NULL,
	"reason" text DEFAULT 'undocumented' NOT NULL,
	"documented_on" date,
	CONSTRAINT "absence_owner_id_student_id_day_lesson_id_pk" PRIMARY KEY("owner_id","student_id","day","lesson_id"),
	CONSTRAINT "absence_minutes" CHECK ("absence"."minutes" between 1 and 480)
);
--> statement-breakpoint
CREATE TABLE "absence_change" (
	"owner_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"student_id" uuid NOT NULL,
	"day" date NOT NULL,
	"lesson_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_person_id" uuid NOT NULL,
	"minutes" smallint,
	"late" boolean,
	"full_day" boolean,
	"reason" text,
	"documented_on" date,
	CONSTRAINT "absence_change_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "absence_limit_decision" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"granted" boolean NOT NULL,
	"limit_percent" smallint,
	"ground" text NOT NULL,
	"reasons" text NOT NULL,
	"decided_by_person_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_limit_decision_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "decision_limit" CHECK (("absence_limit_decision"."granted" and "absence_limit_decision"."limit_percent" between 11 and 15) or (not "absence_limit_decision"."granted" and "absence_limit_decision"."limit_percent" is null))
);
--> statement-breakpoint
CREATE TABLE "diploma_request" (
	"owner_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"excluded_days" date[] DEFAULT '{}'::date[] NOT NULL,
	"reasons_attached" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	CONSTRAINT "diploma_request_owner_id_student_id_school_year_id_pk" PRIMARY KEY("owner_id","student_id","school_year_id"),
	CONSTRAINT "diploma_ten_days" CHECK (cardinality("diploma_request"."excluded_days") <= 10)
);
--> statement-breakpoint
CREATE TABLE "emerging_absence_rule" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"threshold" smallint NOT NULL,
	"window_weeks" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid,
	CONSTRAINT "emerging_absence_rule_owner_id_school_id_kind_pk" PRIMARY KEY("owner_id","school_id","kind"),
	CONSTRAINT "rule_threshold" CHECK ("emerging_absence_rule"."threshold" between 1 and 100),
	CONSTRAINT "rule_window" CHECK ("emerging_absence_rule"."window_weeks" between 0 and 52)
);
--> statement-breakpoint
CREATE TABLE "higher_risk_condition" (
	"owner_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"documented_on" date NOT NULL,
	"registered_by_person_id" uuid NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "higher_risk_condition_owner_id_student_id_pk" PRIMARY KEY("owner_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "lesson" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"teaching_group_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" time NOT NULL,
	"minutes" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "lesson_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "lesson_weekday" CHECK ("lesson"."weekday" between 1 and 7),
	CONSTRAINT "lesson_minutes" CHECK ("lesson"."minutes" between 5 and 480),
	CONSTRAINT "lesson_dates_ordered" CHECK ("lesson"."ends_on" is null or "lesson"."ends_on" > "lesson"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "school_holiday" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "school_holiday_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "holiday_dates_ordered" CHECK ("school_holiday"."ends_on" >= "school_holiday"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "weekly_check" (
	"owner_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"checked_by_person_id" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weekly_check_owner_id_student_id_week_start_pk" PRIMARY KEY("owner_id","student_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_owner_id_lesson_id_lesson_owner_id_id_fk" FOREIGN KEY ("owner_id","lesson_id") REFERENCES "public"."lesson"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_limit_decision" ADD CONSTRAINT "absence_limit_decision_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_limit_decision" ADD CONSTRAINT "absence_limit_decision_owner_id_subject_id_subject_owner_id_id_fk" FOREIGN KEY ("owner_id","subject_id") REFERENCES "public"."subject"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diploma_request" ADD CONSTRAINT "diploma_request_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emerging_absence_rule" ADD CONSTRAINT "emerging_absence_rule_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "higher_risk_condition" ADD CONSTRAINT "higher_risk_condition_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson" ADD CONSTRAINT "lesson_owner_id_teaching_group_id_teaching_group_owner_id_id_fk" FOREIGN KEY ("owner_id","teaching_group_id") REFERENCES "public"."teaching_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_check" ADD CONSTRAINT "weekly_check_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absence_change_owner_id_student_id_day_index" ON "absence_change" USING btree ("owner_id","student_id","day");--> statement-breakpoint
CREATE INDEX "absence_limit_decision_owner_id_student_id_index" ON "absence_limit_decision" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "lesson_owner_id_teaching_group_id_index" ON "lesson" USING btree ("owner_id","teaching_group_id");--> statement-breakpoint
CREATE INDEX "school_holiday_owner_id_starts_on_index" ON "school_holiday" USING btree ("owner_id","starts_on");
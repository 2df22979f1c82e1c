CREATE TABLE "case_event" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"done_by" text DEFAULT '' NOT NULL,
	"corrects_event_id" uuid,
	"entered_by_person_id" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_event_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_participant" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"staff_member_id" uuid,
	"external_name" text,
	"role" text DEFAULT '' NOT NULL,
	"added_by_person_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_participant_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "case_participant_staff_or_external" CHECK (("case_participant"."staff_member_id" is null) <> ("case_participant"."external_name" is null))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"title" text NOT NULL,
	"background" text NOT NULL,
	"raised_by_staff_member_id" uuid NOT NULL,
	"raised_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"visibility" text DEFAULT 'counsellorAndLeaders' NOT NULL,
	"outcome" text,
	"outcome_reason" text DEFAULT '' NOT NULL,
	"outcome_on" date,
	"outcome_by_person_id" uuid,
	"resource_team_registered_at" timestamp with time zone,
	"resource_team_registered_by_person_id" uuid,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "cases_outcome_has_reason" CHECK ("cases"."outcome" is null or ("cases"."outcome_on" is not null and "cases"."outcome_by_person_id" is not null)),
	CONSTRAINT "cases_closed_means_outcome_closed" CHECK (("cases"."status" = 'closed') = ("cases"."outcome" is not distinct from 'closed'))
);
--> statement-breakpoint
ALTER TABLE "measure" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_owner_id_case_id_cases_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."cases"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_owner_id_corrects_event_id_case_event_owner_id_id_fk" FOREIGN KEY ("owner_id","corrects_event_id") REFERENCES "public"."case_event"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participant" ADD CONSTRAINT "case_participant_owner_id_case_id_cases_owner_id_id_fk" FOREIGN KEY ("owner_id","case_id") REFERENCES "public"."cases"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participant" ADD CONSTRAINT "case_participant_owner_id_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_raised_by_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","raised_by_staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_event_owner_id_case_id_entered_at_index" ON "case_event" USING btree ("owner_id","case_id","entered_at");--> statement-breakpoint
CREATE INDEX "case_participant_owner_id_case_id_index" ON "case_participant" USING btree ("owner_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_participant_staff_once" ON "case_participant" USING btree ("owner_id","case_id","staff_member_id") WHERE "case_participant"."staff_member_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_owner_id_student_id_index" ON "cases" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "cases_resource_team_idx" ON "cases" USING btree ("owner_id","resource_team_registered_at") WHERE "cases"."resource_team_registered_at" is not null and "cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "measure_owner_id_case_id_index" ON "measure" USING btree ("owner_id","case_id") WHERE "measure"."case_id" is not null;--> statement-breakpoint
-- R-60: a case's chronology is the record safeguarding leads trust; nothing is edited or removed from it
-- (a correction is a new entry that names the old one). The app has no such statement; this holds for
-- anything that reaches the table another way too.
CREATE OR REPLACE FUNCTION case_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a case chronology entry cannot be changed or deleted' USING ERRCODE = 'check_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_event_is_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_is_append_only();

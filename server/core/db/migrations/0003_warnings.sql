CREATE TABLE "term_assessment_date" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"minimum_notice_days" smallint DEFAULT 21 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid,
	CONSTRAINT "term_assessment_date_owner_id_school_id_term_id_pk" PRIMARY KEY("owner_id","school_id","term_id"),
	CONSTRAINT "notice_days" CHECK ("term_assessment_date"."minimum_notice_days" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "warning_decision" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warning_notice_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"reasons" text NOT NULL,
	"decided_by_person_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"appealed_on" date,
	"appeal_note" text,
	"appeal_recorded_by_person_id" uuid,
	"forwarded_to_county_governor_on" date,
	CONSTRAINT "warning_decision_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "warning_delivery_event" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"copy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_person_id" uuid,
	"file_name" text,
	"file_type" text,
	"file_data" text,
	CONSTRAINT "warning_delivery_event_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "warning_letter" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"channel" text DEFAULT 'digital' NOT NULL,
	"approved_by_person_id" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by_person_id" uuid,
	"sent_at" timestamp with time zone,
	CONSTRAINT "warning_letter_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "warning_letter_copy" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"recipient_person_id" uuid NOT NULL,
	"recipient_role" text NOT NULL,
	"content" jsonb NOT NULL,
	"pdf" text NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warning_letter_copy_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "warning_notice" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid,
	"conduct_aspect" text,
	"grounds" text NOT NULL,
	"requirement" text NOT NULL,
	"due_on" date NOT NULL,
	"absence_snapshot" jsonb,
	"state" text DEFAULT 'proposed' NOT NULL,
	"letter_id" uuid,
	"raised_by_person_id" uuid NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by_person_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"sent_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_person_id" uuid,
	"withdrawal_reason" text,
	CONSTRAINT "warning_notice_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "warning_kind_fields" CHECK (("warning_notice"."kind" = 'notAssessed' and "warning_notice"."subject_id" is not null and "warning_notice"."conduct_aspect" is null)
    or ("warning_notice"."kind" = 'conduct' and "warning_notice"."subject_id" is null and "warning_notice"."conduct_aspect" is not null))
);
--> statement-breakpoint
ALTER TABLE "term_assessment_date" ADD CONSTRAINT "term_assessment_date_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_assessment_date" ADD CONSTRAINT "term_assessment_date_owner_id_term_id_term_owner_id_id_fk" FOREIGN KEY ("owner_id","term_id") REFERENCES "public"."term"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_decision" ADD CONSTRAINT "warning_decision_owner_id_warning_notice_id_warning_notice_owner_id_id_fk" FOREIGN KEY ("owner_id","warning_notice_id") REFERENCES "public"."warning_notice"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_delivery_event" ADD CONSTRAINT "warning_delivery_event_owner_id_copy_id_warning_letter_copy_owner_id_id_fk" FOREIGN KEY ("owner_id","copy_id") REFERENCES "public"."warning_letter_copy"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_letter" ADD CONSTRAINT "warning_letter_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_letter_copy" ADD CONSTRAINT "warning_letter_copy_owner_id_letter_id_warning_letter_owner_id_id_fk" FOREIGN KEY ("owner_id","letter_id") REFERENCES "public"."warning_letter"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notice" ADD CONSTRAINT "warning_notice_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notice" ADD CONSTRAINT "warning_notice_owner_id_subject_id_subject_owner_id_id_fk" FOREIGN KEY ("owner_id","subject_id") REFERENCES "public"."subject"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notice" ADD CONSTRAINT "warning_notice_owner_id_term_id_term_owner_id_id_fk" FOREIGN KEY ("owner_id","term_id") REFERENCES "public"."term"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "warning_decision_owner_id_warning_notice_id_index" ON "warning_decision" USING btree ("owner_id","warning_notice_id");--> statement-breakpoint
CREATE INDEX "warning_decision_owner_id_student_id_index" ON "warning_decision" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "warning_delivery_event_owner_id_copy_id_index" ON "warning_delivery_event" USING btree ("owner_id","copy_id");--> statement-breakpoint
CREATE INDEX "warning_letter_owner_id_student_id_index" ON "warning_letter" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_letter_copy_owner_id_letter_id_recipient_person_id_index" ON "warning_letter_copy" USING btree ("owner_id","letter_id","recipient_person_id");--> statement-breakpoint
CREATE INDEX "warning_letter_copy_owner_id_recipient_person_id_index" ON "warning_letter_copy" USING btree ("owner_id","recipient_person_id");--> statement-breakpoint
CREATE INDEX "warning_notice_owner_id_student_id_index" ON "warning_notice" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "warning_notice_owner_id_letter_id_index" ON "warning_notice" USING btree ("owner_id","letter_id");
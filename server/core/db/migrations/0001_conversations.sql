CREATE TABLE "booking" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"booked_by_person_id" uuid NOT NULL,
	"conversation_id" uuid,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	CONSTRAINT "booking_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "booking_round" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"basis_group_id" uuid,
	"teaching_group_id" uuid,
	"kind" text NOT NULL,
	"host_person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"cutoff_hours" integer DEFAULT 24 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "booking_round_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "round_cutoff_range" CHECK ("booking_round"."cutoff_hours" between 0 and 336)
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_owner_id_person_id_pk" PRIMARY KEY("owner_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "conversation" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"template_version_id" uuid,
	"teaching_group_id" uuid,
	"holder_person_id" uuid NOT NULL,
	"delegated_by_person_id" uuid,
	"planned_at" timestamp with time zone,
	"place" text,
	"video_link" text,
	"student_takes_part" boolean DEFAULT true NOT NULL,
	"student_absent_reason" text,
	"held_at" timestamp with time zone,
	"held_by_person_id" uuid,
	"new_important_information" boolean DEFAULT false NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	CONSTRAINT "conversation_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "subject_needs_group" CHECK (("conversation"."kind" = 'subject') = ("conversation"."teaching_group_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "conversation_follow_up" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"description" text NOT NULL,
	"responsible" text NOT NULL,
	"responsible_person_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"shared_with_family" boolean DEFAULT true NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_follow_up_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_note" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"text" text NOT NULL,
	"visibility" text DEFAULT 'contactTeacherAndLeaders' NOT NULL,
	"shared_with_family" boolean DEFAULT false NOT NULL,
	"author_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_note_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_plan" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"conversations_per_year" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid,
	CONSTRAINT "conversation_plan_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "conversations_per_year_range" CHECK ("conversation_plan"."conversations_per_year" between 0 and 20)
);
--> statement-breakpoint
CREATE TABLE "conversation_preparation" (
	"owner_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"pleased_with" text DEFAULT '' NOT NULL,
	"want_to_improve" text DEFAULT '' NOT NULL,
	"need_help_with" text DEFAULT '' NOT NULL,
	"raise_with_guardians" text DEFAULT '' NOT NULL,
	"not_covered" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_preparation_owner_id_conversation_id_pk" PRIMARY KEY("owner_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "conversation_template" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"builtin_key" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_template_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_template_version" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_person_id" uuid,
	CONSTRAINT "conversation_template_version_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_window" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"applies_to" text DEFAULT 'all' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "conversation_window_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "window_dates_ordered" CHECK ("conversation_window"."closes_on" >= "conversation_window"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "guardian_conference_offer" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"guardian_person_id" uuid NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"offered_by_person_id" uuid NOT NULL,
	"told_of_right" boolean DEFAULT true NOT NULL,
	"declined_at" timestamp with time zone,
	CONSTRAINT "guardian_conference_offer_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recipient_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notification_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "slot" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"host_person_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"video_link" text,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "slot_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "slot_times_ordered" CHECK ("slot"."ends_at" > "slot"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_owner_id_slot_id_slot_owner_id_id_fk" FOREIGN KEY ("owner_id","slot_id") REFERENCES "public"."slot"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking" ADD CONSTRAINT "booking_owner_id_conversation_id_conversation_owner_id_id_fk" FOREIGN KEY ("owner_id","conversation_id") REFERENCES "public"."conversation"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_round" ADD CONSTRAINT "booking_round_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_round" ADD CONSTRAINT "booking_round_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_round" ADD CONSTRAINT "booking_round_owner_id_teaching_group_id_teaching_group_owner_id_id_fk" FOREIGN KEY ("owner_id","teaching_group_id") REFERENCES "public"."teaching_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_owner_id_template_version_id_conversation_template_version_owner_id_id_fk" FOREIGN KEY ("owner_id","template_version_id") REFERENCES "public"."conversation_template_version"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_owner_id_teaching_group_id_teaching_group_owner_id_id_fk" FOREIGN KEY ("owner_id","teaching_group_id") REFERENCES "public"."teaching_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_follow_up" ADD CONSTRAINT "conversation_follow_up_owner_id_conversation_id_conversation_owner_id_id_fk" FOREIGN KEY ("owner_id","conversation_id") REFERENCES "public"."conversation"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_note" ADD CONSTRAINT "conversation_note_owner_id_conversation_id_conversation_owner_id_id_fk" FOREIGN KEY ("owner_id","conversation_id") REFERENCES "public"."conversation"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_plan" ADD CONSTRAINT "conversation_plan_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_plan" ADD CONSTRAINT "conversation_plan_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_preparation" ADD CONSTRAINT "conversation_preparation_owner_id_conversation_id_conversation_owner_id_id_fk" FOREIGN KEY ("owner_id","conversation_id") REFERENCES "public"."conversation"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_template" ADD CONSTRAINT "conversation_template_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_template_version" ADD CONSTRAINT "conversation_template_version_owner_id_template_id_conversation_template_owner_id_id_fk" FOREIGN KEY ("owner_id","template_id") REFERENCES "public"."conversation_template"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_window" ADD CONSTRAINT "conversation_window_owner_id_plan_id_conversation_plan_owner_id_id_fk" FOREIGN KEY ("owner_id","plan_id") REFERENCES "public"."conversation_plan"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_conference_offer" ADD CONSTRAINT "guardian_conference_offer_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_conference_offer" ADD CONSTRAINT "guardian_conference_offer_owner_id_guardian_person_id_person_owner_id_id_fk" FOREIGN KEY ("owner_id","guardian_person_id") REFERENCES "public"."person"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot" ADD CONSTRAINT "slot_owner_id_round_id_booking_round_owner_id_id_fk" FOREIGN KEY ("owner_id","round_id") REFERENCES "public"."booking_round"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "booking_one_per_slot" ON "booking" USING btree ("owner_id","slot_id") WHERE "booking"."cancelled_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "booking_one_per_student_round" ON "booking" USING btree ("owner_id","round_id","student_id") WHERE "booking"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "booking_owner_id_student_id_index" ON "booking" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "booking_round_owner_id_host_person_id_index" ON "booking_round" USING btree ("owner_id","host_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_token_hash_index" ON "calendar_feed" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "conversation_owner_id_student_id_school_year_id_index" ON "conversation" USING btree ("owner_id","student_id","school_year_id");--> statement-breakpoint
CREATE INDEX "conversation_owner_id_holder_person_id_index" ON "conversation" USING btree ("owner_id","holder_person_id");--> statement-breakpoint
CREATE INDEX "conversation_follow_up_owner_id_conversation_id_index" ON "conversation_follow_up" USING btree ("owner_id","conversation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_note_owner_id_conversation_id_section_key_index" ON "conversation_note" USING btree ("owner_id","conversation_id","section_key");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_plan_owner_id_school_id_school_year_id_index" ON "conversation_plan" USING btree ("owner_id","school_id","school_year_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_template_owner_id_school_id_builtin_key_index" ON "conversation_template" USING btree ("owner_id","school_id","builtin_key");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_template_version_owner_id_template_id_version_index" ON "conversation_template_version" USING btree ("owner_id","template_id","version");--> statement-breakpoint
CREATE INDEX "conversation_window_owner_id_plan_id_index" ON "conversation_window" USING btree ("owner_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_conference_offer_owner_id_student_id_school_year_id_guardian_person_id_index" ON "guardian_conference_offer" USING btree ("owner_id","student_id","school_year_id","guardian_person_id");--> statement-breakpoint
CREATE INDEX "notification_owner_id_recipient_person_id_created_at_index" ON "notification" USING btree ("owner_id","recipient_person_id","created_at");--> statement-breakpoint
CREATE INDEX "slot_owner_id_round_id_starts_at_index" ON "slot" USING btree ("owner_id","round_id","starts_at");--> statement-breakpoint
CREATE INDEX "slot_owner_id_host_person_id_starts_at_index" ON "slot" USING btree ("owner_id","host_person_id","starts_at");
CREATE TABLE "accommodation_need_receipt" (
	"owner_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"teacher_person_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accommodation_need_receipt_owner_id_need_id_teacher_person_id_pk" PRIMARY KEY("owner_id","need_id","teacher_person_id")
);
--> statement-breakpoint
CREATE TABLE "accommodation_need_reminder" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"teacher_person_id" uuid NOT NULL,
	"sent_by_person_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accommodation_need_reminder_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "annual_cycle" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"copied_from_cycle_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_person_id" uuid,
	CONSTRAINT "annual_cycle_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_plan_entry" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"teaching_group_id" uuid,
	"basis_group_id" uuid,
	"level" text,
	"subject_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_plan_entry_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "assessment_plan_one_scope" CHECK (num_nonnulls("assessment_plan_entry"."teaching_group_id", "assessment_plan_entry"."basis_group_id", "assessment_plan_entry"."level") <= 1),
	CONSTRAINT "assessment_plan_dates_ordered" CHECK ("assessment_plan_entry"."ends_on" is null or "assessment_plan_entry"."ends_on" >= "assessment_plan_entry"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "assessment_plan_rule" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"maximum" smallint,
	"warning_only" boolean DEFAULT false NOT NULL,
	"updated_by_person_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_plan_rule_owner_id_school_id_rule_pk" PRIMARY KEY("owner_id","school_id","rule"),
	CONSTRAINT "assessment_plan_rule_maximum" CHECK ("assessment_plan_rule"."maximum" is null or "assessment_plan_rule"."maximum" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "class_hour" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"notes_shared" boolean DEFAULT false NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_hour_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "class_hour_case" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"decision" text,
	"decided_on" date,
	"prepared_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_hour_case_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "class_hour_case_decided" CHECK (("class_hour_case"."decision" is null) = ("class_hour_case"."decided_on" is null))
);
--> statement-breakpoint
CREATE TABLE "class_hour_topic" (
	"owner_id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"topic" text NOT NULL,
	CONSTRAINT "class_hour_topic_owner_id_basis_group_id_week_start_pk" PRIMARY KEY("owner_id","basis_group_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "class_rule_comment" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_rule_comment_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "class_rule_proposal" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_rule_proposal_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "class_rules_draft" (
	"owner_id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"text" text NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_rules_draft_owner_id_basis_group_id_pk" PRIMARY KEY("owner_id","basis_group_id")
);
--> statement-breakpoint
CREATE TABLE "class_rules_version" (
	"owner_id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"published_on" date NOT NULL,
	"published_by_person_id" uuid NOT NULL,
	CONSTRAINT "class_rules_version_owner_id_basis_group_id_version_pk" PRIMARY KEY("owner_id","basis_group_id","version")
);
--> statement-breakpoint
CREATE TABLE "duty_rota" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"per_week" smallint NOT NULL,
	"routines" jsonb NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_rota_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "duty_rota_dates" CHECK ("duty_rota"."ends_on" >= "duty_rota"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "duty_rota_assignment" (
	"owner_id" uuid NOT NULL,
	"rota_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"student_id" uuid NOT NULL,
	CONSTRAINT "duty_rota_assignment_owner_id_rota_id_week_start_student_id_pk" PRIMARY KEY("owner_id","rota_id","week_start","student_id")
);
--> statement-breakpoint
CREATE TABLE "duty_rota_away" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"set_by_person_id" uuid NOT NULL,
	CONSTRAINT "duty_rota_away_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "duty_rota_away_dates" CHECK ("duty_rota_away"."to_on" >= "duty_rota_away"."from_on")
);
--> statement-breakpoint
CREATE TABLE "form" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"name_nb" text NOT NULL,
	"name_nn" text NOT NULL,
	"level" text,
	"due_on" date NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "form_status" (
	"owner_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"received_by_person_id" uuid NOT NULL,
	"checked_at" timestamp with time zone,
	"checked_by_person_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_status_owner_id_form_id_student_id_pk" PRIMARY KEY("owner_id","form_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "parent_meeting" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"information" text NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parent_meeting_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "parent_meeting_attendance" (
	"owner_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_person_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"informed_at" timestamp with time zone,
	"informed_by_person_id" uuid,
	CONSTRAINT "parent_meeting_attendance_owner_id_meeting_id_student_id_guardian_person_id_pk" PRIMARY KEY("owner_id","meeting_id","student_id","guardian_person_id")
);
--> statement-breakpoint
CREATE TABLE "routine" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"builtin_key" text,
	"title_nb" text NOT NULL,
	"title_nn" text NOT NULL,
	"description_nb" text DEFAULT '' NOT NULL,
	"description_nn" text DEFAULT '' NOT NULL,
	"scope" text NOT NULL,
	"level" text,
	"programme" text,
	"responsible_role" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"evidence_kind" text NOT NULL,
	"evidence_param" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid,
	CONSTRAINT "routine_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "routine_window_ordered" CHECK ("routine"."closes_on" >= "routine"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "routine_digest_preference" (
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"weekly_digest" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routine_digest_preference_owner_id_person_id_pk" PRIMARY KEY("owner_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "routine_digest_sent" (
	"owner_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"overdue_count" integer NOT NULL,
	CONSTRAINT "routine_digest_sent_owner_id_person_id_week_start_pk" PRIMARY KEY("owner_id","person_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "routine_hand_tick" (
	"owner_id" uuid NOT NULL,
	"routine_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"ticked_on" date NOT NULL,
	"ticked_by_person_id" uuid NOT NULL,
	"ticked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routine_hand_tick_owner_id_routine_id_subject_id_teacher_id_pk" PRIMARY KEY("owner_id","routine_id","subject_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "start_of_year_check" (
	"owner_id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"item" text NOT NULL,
	"checked_on" date NOT NULL,
	"checked_by_person_id" uuid NOT NULL,
	CONSTRAINT "start_of_year_check_owner_id_basis_group_id_item_pk" PRIMARY KEY("owner_id","basis_group_id","item")
);
--> statement-breakpoint
CREATE TABLE "student_representative_ballot" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"candidate_student_id" uuid NOT NULL,
	CONSTRAINT "student_representative_ballot_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "student_representative_candidate" (
	"owner_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"votes" integer,
	"elected" smallint,
	"drawn_by_lot" boolean DEFAULT false NOT NULL,
	CONSTRAINT "student_representative_candidate_owner_id_election_id_student_id_pk" PRIMARY KEY("owner_id","election_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "student_representative_election" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"seats" smallint NOT NULL,
	"term_starts_on" date NOT NULL,
	"term_ends_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"closed_on" date,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_representative_election_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "election_term_ordered" CHECK ("student_representative_election"."term_ends_on" >= "student_representative_election"."term_starts_on"),
	CONSTRAINT "election_closed_on" CHECK (("student_representative_election"."status" = 'closed') = ("student_representative_election"."closed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "student_representative_voter" (
	"owner_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	CONSTRAINT "student_representative_voter_owner_id_election_id_student_id_pk" PRIMARY KEY("owner_id","election_id","student_id")
);
--> statement-breakpoint
ALTER TABLE "calendar_feed" DROP CONSTRAINT "calendar_feed_owner_id_person_id_pk";--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD COLUMN "scope" text DEFAULT 'booking' NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_owner_id_person_id_scope_pk" PRIMARY KEY("owner_id","person_id","scope");--> statement-breakpoint
ALTER TABLE "accommodation_need" ADD COLUMN "guidance" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "accommodation_need" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "accommodation_need" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "accommodation_need" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accommodation_need_receipt" ADD CONSTRAINT "accommodation_need_receipt_owner_id_need_id_accommodation_need_owner_id_id_fk" FOREIGN KEY ("owner_id","need_id") REFERENCES "public"."accommodation_need"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accommodation_need_receipt" ADD CONSTRAINT "accommodation_need_receipt_owner_id_teacher_person_id_person_owner_id_id_fk" FOREIGN KEY ("owner_id","teacher_person_id") REFERENCES "public"."person"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accommodation_need_reminder" ADD CONSTRAINT "accommodation_need_reminder_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_cycle" ADD CONSTRAINT "annual_cycle_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_cycle" ADD CONSTRAINT "annual_cycle_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_plan_entry" ADD CONSTRAINT "assessment_plan_entry_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_plan_entry" ADD CONSTRAINT "assessment_plan_entry_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_plan_entry" ADD CONSTRAINT "assessment_plan_entry_owner_id_teaching_group_id_teaching_group_owner_id_id_fk" FOREIGN KEY ("owner_id","teaching_group_id") REFERENCES "public"."teaching_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_plan_entry" ADD CONSTRAINT "assessment_plan_entry_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_plan_entry" ADD CONSTRAINT "assessment_plan_entry_owner_id_subject_id_subject_owner_id_id_fk" FOREIGN KEY ("owner_id","subject_id") REFERENCES "public"."subject"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_plan_rule" ADD CONSTRAINT "assessment_plan_rule_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_hour" ADD CONSTRAINT "class_hour_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_hour_case" ADD CONSTRAINT "class_hour_case_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_hour_topic" ADD CONSTRAINT "class_hour_topic_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_rule_comment" ADD CONSTRAINT "class_rule_comment_owner_id_proposal_id_class_rule_proposal_owner_id_id_fk" FOREIGN KEY ("owner_id","proposal_id") REFERENCES "public"."class_rule_proposal"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_rule_proposal" ADD CONSTRAINT "class_rule_proposal_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_rule_proposal" ADD CONSTRAINT "class_rule_proposal_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_rules_draft" ADD CONSTRAINT "class_rules_draft_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_rules_version" ADD CONSTRAINT "class_rules_version_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rota" ADD CONSTRAINT "duty_rota_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rota_assignment" ADD CONSTRAINT "duty_rota_assignment_owner_id_rota_id_duty_rota_owner_id_id_fk" FOREIGN KEY ("owner_id","rota_id") REFERENCES "public"."duty_rota"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rota_assignment" ADD CONSTRAINT "duty_rota_assignment_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rota_away" ADD CONSTRAINT "duty_rota_away_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rota_away" ADD CONSTRAINT "duty_rota_away_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form" ADD CONSTRAINT "form_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_status" ADD CONSTRAINT "form_status_owner_id_form_id_form_owner_id_id_fk" FOREIGN KEY ("owner_id","form_id") REFERENCES "public"."form"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_status" ADD CONSTRAINT "form_status_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_meeting" ADD CONSTRAINT "parent_meeting_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_meeting_attendance" ADD CONSTRAINT "parent_meeting_attendance_owner_id_meeting_id_parent_meeting_owner_id_id_fk" FOREIGN KEY ("owner_id","meeting_id") REFERENCES "public"."parent_meeting"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_meeting_attendance" ADD CONSTRAINT "parent_meeting_attendance_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_meeting_attendance" ADD CONSTRAINT "parent_meeting_attendance_owner_id_guardian_person_id_person_owner_id_id_fk" FOREIGN KEY ("owner_id","guardian_person_id") REFERENCES "public"."person"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine" ADD CONSTRAINT "routine_owner_id_cycle_id_annual_cycle_owner_id_id_fk" FOREIGN KEY ("owner_id","cycle_id") REFERENCES "public"."annual_cycle"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_digest_preference" ADD CONSTRAINT "routine_digest_preference_owner_id_person_id_person_owner_id_id_fk" FOREIGN KEY ("owner_id","person_id") REFERENCES "public"."person"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_hand_tick" ADD CONSTRAINT "routine_hand_tick_owner_id_routine_id_routine_owner_id_id_fk" FOREIGN KEY ("owner_id","routine_id") REFERENCES "public"."routine"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "start_of_year_check" ADD CONSTRAINT "start_of_year_check_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_representative_ballot" ADD CONSTRAINT "student_representative_ballot_owner_id_election_id_candidate_student_id_student_representative_candidate_owner_id_election_id_student_id_fk" FOREIGN KEY ("owner_id","election_id","candidate_student_id") REFERENCES "public"."student_representative_candidate"("owner_id","election_id","student_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_representative_candidate" ADD CONSTRAINT "student_representative_candidate_owner_id_election_id_student_representative_election_owner_id_id_fk" FOREIGN KEY ("owner_id","election_id") REFERENCES "public"."student_representative_election"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_representative_candidate" ADD CONSTRAINT "student_representative_candidate_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_representative_election" ADD CONSTRAINT "student_representative_election_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_representative_voter" ADD CONSTRAINT "student_representative_voter_owner_id_election_id_student_representative_election_owner_id_id_fk" FOREIGN KEY ("owner_id","election_id") REFERENCES "public"."student_representative_election"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accommodation_need_receipt_owner_id_teacher_person_id_index" ON "accommodation_need_receipt" USING btree ("owner_id","teacher_person_id");--> statement-breakpoint
CREATE INDEX "accommodation_need_reminder_owner_id_student_id_index" ON "accommodation_need_reminder" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_cycle_owner_id_school_id_school_year_id_index" ON "annual_cycle" USING btree ("owner_id","school_id","school_year_id");--> statement-breakpoint
CREATE INDEX "assessment_plan_entry_owner_id_teaching_group_id_starts_on_index" ON "assessment_plan_entry" USING btree ("owner_id","teaching_group_id","starts_on");--> statement-breakpoint
CREATE INDEX "assessment_plan_entry_owner_id_basis_group_id_starts_on_index" ON "assessment_plan_entry" USING btree ("owner_id","basis_group_id","starts_on");--> statement-breakpoint
CREATE INDEX "assessment_plan_entry_owner_id_school_id_starts_on_index" ON "assessment_plan_entry" USING btree ("owner_id","school_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "class_hour_owner_id_basis_group_id_held_on_index" ON "class_hour" USING btree ("owner_id","basis_group_id","held_on");--> statement-breakpoint
CREATE INDEX "class_hour_case_owner_id_basis_group_id_index" ON "class_hour_case" USING btree ("owner_id","basis_group_id");--> statement-breakpoint
CREATE INDEX "class_rule_comment_owner_id_proposal_id_index" ON "class_rule_comment" USING btree ("owner_id","proposal_id");--> statement-breakpoint
CREATE INDEX "class_rule_proposal_owner_id_basis_group_id_index" ON "class_rule_proposal" USING btree ("owner_id","basis_group_id");--> statement-breakpoint
CREATE INDEX "duty_rota_owner_id_basis_group_id_index" ON "duty_rota" USING btree ("owner_id","basis_group_id");--> statement-breakpoint
CREATE INDEX "duty_rota_away_owner_id_basis_group_id_index" ON "duty_rota_away" USING btree ("owner_id","basis_group_id");--> statement-breakpoint
CREATE INDEX "form_status_owner_id_student_id_index" ON "form_status" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "parent_meeting_owner_id_basis_group_id_index" ON "parent_meeting" USING btree ("owner_id","basis_group_id");--> statement-breakpoint
CREATE INDEX "routine_owner_id_cycle_id_index" ON "routine" USING btree ("owner_id","cycle_id");--> statement-breakpoint
CREATE INDEX "student_representative_ballot_owner_id_election_id_index" ON "student_representative_ballot" USING btree ("owner_id","election_id");--> statement-breakpoint
CREATE INDEX "student_representative_election_owner_id_basis_group_id_index" ON "student_representative_election" USING btree ("owner_id","basis_group_id");

CREATE TABLE "class_team_concern" (
	"owner_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"academic" boolean DEFAULT false NOT NULL,
	"social" boolean DEFAULT false NOT NULL,
	"mental" boolean DEFAULT false NOT NULL,
	"physical" boolean DEFAULT false NOT NULL,
	"follow_up_by_staff_member_id" uuid,
	"proposed_measures" text DEFAULT '' NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_team_concern_owner_id_meeting_id_student_id_pk" PRIMARY KEY("owner_id","meeting_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "class_team_meeting" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"week" smallint NOT NULL,
	"held_on" date,
	"learning_environment" text DEFAULT '' NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_team_meeting_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "class_team_meeting_week" CHECK ("class_team_meeting"."week" between 1 and 53)
);
--> statement-breakpoint
CREATE TABLE "class_team_meeting_setting" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"weeks" smallint[] NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_team_meeting_setting_owner_id_school_id_pk" PRIMARY KEY("owner_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "class_team_note" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_team_note_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "screening_notice" (
	"owner_id" uuid NOT NULL,
	"basis_group_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_notice_owner_id_basis_group_id_pk" PRIMARY KEY("owner_id","basis_group_id")
);
--> statement-breakpoint
CREATE TABLE "screening_result" (
	"owner_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"test" text NOT NULL,
	"score" integer NOT NULL,
	"given_by_person_id" uuid,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_result_owner_id_student_id_school_year_id_test_pk" PRIMARY KEY("owner_id","student_id","school_year_id","test"),
	CONSTRAINT "screening_score_range" CHECK ("screening_result"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "screening_setting" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"test" text NOT NULL,
	"concern_threshold" integer NOT NULL,
	"max_score" integer NOT NULL,
	"notice_department_id" uuid,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_setting_owner_id_school_id_test_pk" PRIMARY KEY("owner_id","school_id","test"),
	CONSTRAINT "screening_threshold_range" CHECK ("screening_setting"."max_score" > 0 and "screening_setting"."concern_threshold" between 0 and "screening_setting"."max_score")
);
--> statement-breakpoint
ALTER TABLE "class_team_concern" ADD CONSTRAINT "class_team_concern_owner_id_meeting_id_class_team_meeting_owner_id_id_fk" FOREIGN KEY ("owner_id","meeting_id") REFERENCES "public"."class_team_meeting"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_team_concern" ADD CONSTRAINT "class_team_concern_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_team_concern" ADD CONSTRAINT "class_team_concern_owner_id_follow_up_by_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","follow_up_by_staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_team_meeting" ADD CONSTRAINT "class_team_meeting_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_team_meeting_setting" ADD CONSTRAINT "class_team_meeting_setting_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_team_note" ADD CONSTRAINT "class_team_note_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_team_note" ADD CONSTRAINT "class_team_note_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_notice" ADD CONSTRAINT "screening_notice_owner_id_basis_group_id_basis_group_owner_id_id_fk" FOREIGN KEY ("owner_id","basis_group_id") REFERENCES "public"."basis_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_result" ADD CONSTRAINT "screening_result_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_result" ADD CONSTRAINT "screening_result_owner_id_school_year_id_school_year_owner_id_id_fk" FOREIGN KEY ("owner_id","school_year_id") REFERENCES "public"."school_year"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_setting" ADD CONSTRAINT "screening_setting_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_setting" ADD CONSTRAINT "screening_setting_owner_id_notice_department_id_department_owner_id_id_fk" FOREIGN KEY ("owner_id","notice_department_id") REFERENCES "public"."department"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_team_concern_owner_id_student_id_index" ON "class_team_concern" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "class_team_meeting_owner_id_basis_group_id_index" ON "class_team_meeting" USING btree ("owner_id","basis_group_id");--> statement-breakpoint
CREATE INDEX "class_team_note_owner_id_basis_group_id_index" ON "class_team_note" USING btree ("owner_id","basis_group_id");--> statement-breakpoint
-- R-31/R-32: the screening and class-team routines already copied into schools' cycles are proved by the data from now on
UPDATE "routine" SET "evidence_kind" = 'screeningCompleted',
  "description_nb" = replace("description_nb", 'Elevlos har ennå ingen kartleggingsdata: krysses av for hånd.', 'Gjort når alle elevene i klassen har resultat i alle tre prøvene.'),
  "description_nn" = replace("description_nn", 'Elevlos har enno ingen kartleggingsdata: blir kryssa av for hand.', 'Gjort når alle elevane i klassen har resultat i alle tre prøvene.')
  WHERE "builtin_key" = 'screeningVg1' AND "evidence_kind" = 'handTicked';--> statement-breakpoint
UPDATE "routine" SET "evidence_kind" = 'classTeamMeetingHeld',
  "description_nb" = replace("description_nb", 'Elevlos har ennå ingen møtedata: krysses av for hånd.', 'Gjort når møtet er ført som holdt.'),
  "description_nn" = replace("description_nn", 'Elevlos har enno ingen møtedata: blir kryssa av for hand.', 'Gjort når møtet er ført som halde.')
  WHERE "builtin_key" = 'classTeamMeetings' AND "evidence_kind" = 'handTicked';

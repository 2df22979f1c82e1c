CREATE TABLE "meeting" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"minutes_updated_at" timestamp with time zone,
	"minutes_updated_by_person_id" uuid,
	"participation_decided_by_person_id" uuid,
	"participation_decided_on" date,
	"participation_decision_note" text DEFAULT '' NOT NULL,
	"consent_given_by_person_id" uuid,
	"consent_given_on" date,
	"consent_covers_guardians" boolean DEFAULT false NOT NULL,
	"consent_note" text DEFAULT '' NOT NULL,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_action" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"description" text NOT NULL,
	"responsible_participant_id" uuid,
	"responsible_name" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_person_id" uuid,
	"done_in_meeting_id" uuid,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_action_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_item" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"student_id" uuid,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agenda_item_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_decision" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"text" text NOT NULL,
	"measure_id" uuid,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_decision_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes_share" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"participant_id" uuid,
	"text" text NOT NULL,
	"shared_by_person_id" uuid NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_minutes_share_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "meeting_share_external_names_participant" CHECK (("meeting_minutes_share"."recipient" = 'external') = ("meeting_minutes_share"."participant_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "meeting_participant" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"consent_covers" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_participant_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "meeting_participant_who" CHECK (("meeting_participant"."kind" = 'external' and "meeting_participant"."person_id" is null and "meeting_participant"."name" <> '') or ("meeting_participant"."kind" <> 'external' and "meeting_participant"."person_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "meeting_student" (
	"owner_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	CONSTRAINT "meeting_student_owner_id_meeting_id_student_id_pk" PRIMARY KEY("owner_id","meeting_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "resource_team_member" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"added_by_person_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_team_member_owner_id_school_id_staff_member_id_pk" PRIMARY KEY("owner_id","school_id","staff_member_id")
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action" ADD CONSTRAINT "meeting_action_owner_id_meeting_id_meeting_owner_id_id_fk" FOREIGN KEY ("owner_id","meeting_id") REFERENCES "public"."meeting"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action" ADD CONSTRAINT "meeting_action_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_owner_id_meeting_id_meeting_owner_id_id_fk" FOREIGN KEY ("owner_id","meeting_id") REFERENCES "public"."meeting"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_owner_id_meeting_id_meeting_owner_id_id_fk" FOREIGN KEY ("owner_id","meeting_id") REFERENCES "public"."meeting"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes_share" ADD CONSTRAINT "meeting_minutes_share_owner_id_meeting_id_meeting_owner_id_id_fk" FOREIGN KEY ("owner_id","meeting_id") REFERENCES "public"."meeting"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_owner_id_meeting_id_meeting_owner_id_id_fk" FOREIGN KEY ("owner_id","meeting_id") REFERENCES "public"."meeting"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_student" ADD CONSTRAINT "meeting_student_owner_id_meeting_id_meeting_owner_id_id_fk" FOREIGN KEY ("owner_id","meeting_id") REFERENCES "public"."meeting"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_student" ADD CONSTRAINT "meeting_student_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_team_member" ADD CONSTRAINT "resource_team_member_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_team_member" ADD CONSTRAINT "resource_team_member_owner_id_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_owner_id_school_id_kind_starts_at_index" ON "meeting" USING btree ("owner_id","school_id","kind","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_action_owner_id_student_id_index" ON "meeting_action" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "meeting_action_owner_id_meeting_id_index" ON "meeting_action" USING btree ("owner_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_item_owner_id_meeting_id_index" ON "meeting_agenda_item" USING btree ("owner_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_decision_owner_id_meeting_id_index" ON "meeting_decision" USING btree ("owner_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_minutes_share_owner_id_meeting_id_index" ON "meeting_minutes_share" USING btree ("owner_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participant_owner_id_meeting_id_index" ON "meeting_participant" USING btree ("owner_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participant_owner_id_person_id_index" ON "meeting_participant" USING btree ("owner_id","person_id");--> statement-breakpoint
CREATE INDEX "meeting_student_owner_id_student_id_index" ON "meeting_student" USING btree ("owner_id","student_id");
CREATE TABLE "status_change" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"background" text NOT NULL,
	"proposed_on" date NOT NULL,
	"new_programme" text,
	"started_by_person_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_on" date,
	"decided_by_person_id" uuid,
	"granted" boolean,
	"reasons" text,
	"effective_on" date,
	"notified_on" date,
	"appeal_to" text,
	"appeal_received_on" date,
	"appeal_note" text,
	"appeal_outcome" text,
	"appeal_decided_on" date,
	"appeal_recorded_by_person_id" uuid,
	CONSTRAINT "status_change_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "status_change_decision_whole" CHECK ("status_change"."decided_on" is null or ("status_change"."decided_by_person_id" is not null and "status_change"."granted" is not null
    and "status_change"."reasons" is not null and "status_change"."notified_on" is not null and "status_change"."appeal_to" is not null and (not "status_change"."granted" or "status_change"."effective_on" is not null))),
	CONSTRAINT "status_change_appeal_after_decision" CHECK ("status_change"."appeal_received_on" is null or "status_change"."decided_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "status_change_document" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"status_change_id" uuid NOT NULL,
	"title" text NOT NULL,
	"received_on" date NOT NULL,
	"received_from" text NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_change_document_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "status_change_meeting" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"status_change_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" text[] NOT NULL,
	"others" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_change_meeting_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
ALTER TABLE "status_change" ADD CONSTRAINT "status_change_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_change_document" ADD CONSTRAINT "status_change_document_owner_id_status_change_id_status_change_owner_id_id_fk" FOREIGN KEY ("owner_id","status_change_id") REFERENCES "public"."status_change"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_change_meeting" ADD CONSTRAINT "status_change_meeting_owner_id_status_change_id_status_change_owner_id_id_fk" FOREIGN KEY ("owner_id","status_change_id") REFERENCES "public"."status_change"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_change_owner_id_student_id_index" ON "status_change" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "status_change_pending_idx" ON "status_change" USING btree ("owner_id","started_at") WHERE "status_change"."decided_on" is null;--> statement-breakpoint
CREATE INDEX "status_change_document_owner_id_status_change_id_index" ON "status_change_document" USING btree ("owner_id","status_change_id");--> statement-breakpoint
CREATE INDEX "status_change_meeting_owner_id_status_change_id_index" ON "status_change_meeting" USING btree ("owner_id","status_change_id");
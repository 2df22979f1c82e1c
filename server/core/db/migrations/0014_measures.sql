CREATE TABLE "measure" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"actions" text NOT NULL,
	"owner_staff_member_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"evaluate_on" date NOT NULL,
	"evaluation" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"evaluated_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"class_team_meeting_id" uuid,
	"created_by_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "measure_evaluate_after_start" CHECK ("measure"."evaluate_on" >= "measure"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_owner_id_owner_staff_member_id_staff_member_owner_id_id_fk" FOREIGN KEY ("owner_id","owner_staff_member_id") REFERENCES "public"."staff_member"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_owner_id_student_id_index" ON "measure" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "measure_owner_id_owner_staff_member_id_evaluate_on_index" ON "measure" USING btree ("owner_id","owner_staff_member_id","evaluate_on");
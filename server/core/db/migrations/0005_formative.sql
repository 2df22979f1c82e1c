CREATE TABLE "conflict" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_on" date,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_owner_id_id_pk" PRIMARY KEY("owner_id","id"),
	CONSTRAINT "conflict_resolved_on" CHECK (("conflict"."status" = 'resolved') = ("conflict"."resolved_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "conflict_step" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conflict_id" uuid NOT NULL,
	"student_id" uuid,
	"taken_on" date NOT NULL,
	"description" text NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_step_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "conflict_student" (
	"owner_id" uuid NOT NULL,
	"conflict_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "conflict_student_owner_id_conflict_id_student_id_pk" PRIMARY KEY("owner_id","conflict_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "formative_assessment" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"teaching_group_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"kind" text NOT NULL,
	"feedback" text NOT NULL,
	"recorded_by_person_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "formative_assessment_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_step" ADD CONSTRAINT "conflict_step_owner_id_conflict_id_conflict_owner_id_id_fk" FOREIGN KEY ("owner_id","conflict_id") REFERENCES "public"."conflict"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_student" ADD CONSTRAINT "conflict_student_owner_id_conflict_id_conflict_owner_id_id_fk" FOREIGN KEY ("owner_id","conflict_id") REFERENCES "public"."conflict"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_student" ADD CONSTRAINT "conflict_student_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formative_assessment" ADD CONSTRAINT "formative_assessment_owner_id_student_id_student_owner_id_id_fk" FOREIGN KEY ("owner_id","student_id") REFERENCES "public"."student"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formative_assessment" ADD CONSTRAINT "formative_assessment_owner_id_teaching_group_id_teaching_group_owner_id_id_fk" FOREIGN KEY ("owner_id","teaching_group_id") REFERENCES "public"."teaching_group"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formative_assessment" ADD CONSTRAINT "formative_assessment_owner_id_subject_id_subject_owner_id_id_fk" FOREIGN KEY ("owner_id","subject_id") REFERENCES "public"."subject"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conflict_step_owner_id_conflict_id_index" ON "conflict_step" USING btree ("owner_id","conflict_id");--> statement-breakpoint
CREATE INDEX "conflict_student_owner_id_student_id_index" ON "conflict_student" USING btree ("owner_id","student_id");--> statement-breakpoint
CREATE INDEX "formative_assessment_owner_id_student_id_assessed_on_index" ON "formative_assessment" USING btree ("owner_id","student_id","assessed_on");--> statement-breakpoint
CREATE INDEX "formative_assessment_owner_id_teaching_group_id_assessed_on_index" ON "formative_assessment" USING btree ("owner_id","teaching_group_id","assessed_on");
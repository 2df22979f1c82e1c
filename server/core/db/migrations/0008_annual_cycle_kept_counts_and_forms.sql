CREATE TABLE "routine_compliance" (
	"owner_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"routine_id" uuid NOT NULL,
	"key" uuid,
	"department_id" uuid,
	"total" integer NOT NULL,
	"done" integer NOT NULL,
	"overdue" integer NOT NULL,
	"late" integer NOT NULL,
	"open" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routine_compliance_run" (
	"owner_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_for" date NOT NULL,
	CONSTRAINT "routine_compliance_run_owner_id_cycle_id_pk" PRIMARY KEY("owner_id","cycle_id")
);
--> statement-breakpoint
ALTER TABLE "form" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "form" ADD COLUMN "retired_by_person_id" uuid;--> statement-breakpoint
ALTER TABLE "routine" ADD COLUMN "exclude_adults" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "routine_compliance" ADD CONSTRAINT "routine_compliance_owner_id_cycle_id_annual_cycle_owner_id_id_fk" FOREIGN KEY ("owner_id","cycle_id") REFERENCES "public"."annual_cycle"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_compliance_run" ADD CONSTRAINT "routine_compliance_run_owner_id_cycle_id_annual_cycle_owner_id_id_fk" FOREIGN KEY ("owner_id","cycle_id") REFERENCES "public"."annual_cycle"("owner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routine_compliance_owner_id_cycle_id_department_id_index" ON "routine_compliance" USING btree ("owner_id","cycle_id","department_id");--> statement-breakpoint
-- L-02: the guardian conference is for parents of students under 18; the default cycle's routines made before this say so too
UPDATE "routine" SET "exclude_adults" = true WHERE "builtin_key" IN ('guardianConferenceOffered', 'guardianConferences');
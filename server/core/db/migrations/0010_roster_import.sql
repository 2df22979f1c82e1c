CREATE TABLE "roster_import" (
	"owner_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"source" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preview" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"only_valid" boolean,
	"result" jsonb,
	"log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by_person_id" uuid,
	"applied_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "roster_import_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "roster_import_upload" (
	"owner_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "roster_import_upload_owner_id_import_id_pk" PRIMARY KEY("owner_id","import_id")
);
--> statement-breakpoint
CREATE TABLE "roster_link" (
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"local_id" uuid NOT NULL,
	"local_id2" uuid,
	"school_id" uuid,
	"digest" text NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "roster_link_owner_id_source_kind_source_id_pk" PRIMARY KEY("owner_id","source","kind","source_id")
);
--> statement-breakpoint
CREATE TABLE "roster_source_setting" (
	"owner_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"source" text NOT NULL,
	"base_url" text NOT NULL,
	"token_url" text NOT NULL,
	"client_id" text NOT NULL,
	"org_id" text NOT NULL,
	"client_secret_env" text NOT NULL,
	"username_env" text,
	"password_env" text,
	"nightly" boolean DEFAULT false NOT NULL,
	"hour" smallint DEFAULT 2 NOT NULL,
	"updated_by_person_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_source_setting_owner_id_school_id_source_pk" PRIMARY KEY("owner_id","school_id","source"),
	CONSTRAINT "roster_source_setting_hour" CHECK ("roster_source_setting"."hour" between 0 and 23)
);
--> statement-breakpoint
ALTER TABLE "roster_import" ADD CONSTRAINT "roster_import_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_upload" ADD CONSTRAINT "roster_import_upload_owner_id_import_id_roster_import_owner_id_id_fk" FOREIGN KEY ("owner_id","import_id") REFERENCES "public"."roster_import"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_source_setting" ADD CONSTRAINT "roster_source_setting_owner_id_school_id_school_owner_id_id_fk" FOREIGN KEY ("owner_id","school_id") REFERENCES "public"."school"("owner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roster_import_owner_id_school_id_created_at_index" ON "roster_import" USING btree ("owner_id","school_id","created_at");--> statement-breakpoint
CREATE INDEX "roster_link_owner_id_source_kind_local_id_index" ON "roster_link" USING btree ("owner_id","source","kind","local_id");
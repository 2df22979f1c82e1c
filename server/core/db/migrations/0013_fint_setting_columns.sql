ALTER TABLE "roster_source_setting" ADD COLUMN "schools" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_source_setting" ADD COLUMN "page_size" integer;--> statement-breakpoint
ALTER TABLE "roster_source_setting" ADD COLUMN "timetable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_source_setting" ADD CONSTRAINT "roster_source_setting_page_size" CHECK ("roster_source_setting"."page_size" is null or "roster_source_setting"."page_size" between 1 and 100000);--> statement-breakpoint
-- the reading's options were kept in the stored base URL's fragment (…#pageSize=2000&timetable=0&schools=123,456) until these columns
UPDATE "roster_source_setting" SET
  "page_size" = nullif(substring(base_url from '[#&]pageSize=([0-9]{1,6})(&|$)'), '')::integer,
  "timetable" = base_url !~ '[#&]timetable=0(&|$)',
  "schools" = coalesce(string_to_array(nullif(replace(substring(base_url from '[#&]schools=([^&]*)'), '%2C', ','), ''), ','), '{}'::text[]),
  "base_url" = split_part(base_url, '#', 1)
WHERE position('#' in base_url) > 0;

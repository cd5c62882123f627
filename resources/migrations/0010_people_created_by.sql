ALTER TABLE `people` ADD `created_by` text;--> statement-breakpoint
CREATE INDEX `people_created_by` ON `people` (`created_by`) WHERE "people"."created_by" IS NOT NULL;
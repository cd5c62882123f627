ALTER TABLE `assessment_results` ADD `not_computed` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `assessment_results` ADD `comparison` text;--> statement-breakpoint
CREATE INDEX `assessment_results_live` ON `assessment_results` (`instrument_id`,`person_id`,`context`,`taken_on`,`id`,`verdict`) WHERE "assessment_results"."archived_at" IS NULL;
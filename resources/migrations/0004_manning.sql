DROP INDEX `assignments_open`;--> statement-breakpoint
ALTER TABLE `assignments` ADD `rotation_restart` text;--> statement-breakpoint
CREATE INDEX `assignments_open` ON `assignments` (`end_date`,`person_id`,`start_date`,`rotation_weeks_on`,`rotation_weeks_off`,`rotation_restart`,`position_id`) WHERE "assignments"."archived_at" IS NULL;--> statement-breakpoint
ALTER TABLE `positions` ADD `must_be_aboard` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Existing positions start with the safe manning defaults (docs/manning.md): the captain, the chief engineer and
-- the officers of the watch must be aboard.
UPDATE `positions` SET `must_be_aboard` = 1 WHERE lower(trim(`title`)) IN ('captain', 'chief engineer', 'chief officer', '2nd officer', '3rd officer');

CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	`instrument_id` text NOT NULL,
	`language` text NOT NULL,
	`context` text,
	`vessel_id` text,
	`department` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`due_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`vessel_id`) REFERENCES `vessels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `proctoring_events` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`at` text NOT NULL,
	`item` text,
	`detail` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `questionnaire_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proctoring_events_session` ON `proctoring_events` (`session_id`,`at`);--> statement-breakpoint
CREATE TABLE `pulse_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`survey_version` text NOT NULL,
	`vessel_id` text NOT NULL,
	`department` text,
	`period` text NOT NULL,
	`person_id` text,
	`answers` text NOT NULL,
	`mean` real NOT NULL,
	FOREIGN KEY (`vessel_id`) REFERENCES `vessels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pulse_responses_vessel` ON `pulse_responses` (`vessel_id`,`survey_id`,`period`);--> statement-breakpoint
CREATE TABLE `pulse_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`vessel_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`every_days` integer NOT NULL,
	`start_on` text NOT NULL,
	`anonymous` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`vessel_id`) REFERENCES `vessels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pulse_schedules_vessel` ON `pulse_schedules` (`vessel_id`);--> statement-breakpoint
CREATE TABLE `pulse_surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`version` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pulse_surveys_version` ON `pulse_surveys` (`key`,`version`);--> statement-breakpoint
CREATE TABLE `questionnaire_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	`person_id` text,
	`instrument_id` text NOT NULL,
	`instrument_version` text NOT NULL,
	`language` text NOT NULL,
	`context` text,
	`items` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`page_size` integer DEFAULT 1 NOT NULL,
	`exit_code_hash` text,
	`kiosk_locked` integer DEFAULT false NOT NULL,
	`pauses` integer DEFAULT 0 NOT NULL,
	`started_at` text,
	`finished_at` text,
	`due_on` text,
	`result_id` text,
	`campaign_id` text,
	`vessel_id` text,
	`department` text,
	`period` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`invitation_key` text,
	`imported_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vessel_id`) REFERENCES `vessels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `questionnaire_sessions_person` ON `questionnaire_sessions` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `questionnaire_sessions_campaign` ON `questionnaire_sessions` (`campaign_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_sessions_kiosk` ON `questionnaire_sessions` (`kiosk_locked`) WHERE "questionnaire_sessions"."kiosk_locked" = 1;--> statement-breakpoint
CREATE TABLE `session_answers` (
	`session_id` text NOT NULL,
	`item` text NOT NULL,
	`value` integer NOT NULL,
	`ms` integer NOT NULL,
	`answered_at` text NOT NULL,
	`revisions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`session_id`, `item`),
	FOREIGN KEY (`session_id`) REFERENCES `questionnaire_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `assessment_results` ADD `session_id` text;--> statement-breakpoint
ALTER TABLE `assessment_results` ADD `language` text;--> statement-breakpoint
ALTER TABLE `assessment_results` ADD `engine_version` text;--> statement-breakpoint
ALTER TABLE `assessment_results` ADD `item_times` text;--> statement-breakpoint
ALTER TABLE `assessment_results` ADD `proctoring` text;--> statement-breakpoint
ALTER TABLE `assessment_results` ADD `pauses` integer;--> statement-breakpoint
ALTER TABLE `assessment_results` ADD `started_at` text;
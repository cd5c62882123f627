CREATE TABLE `advisory_log` (
	`id` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`operator` text NOT NULL,
	`device` text NOT NULL,
	`model` text NOT NULL,
	`inputs` text NOT NULL,
	`shown` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE INDEX `advisory_log_time` ON `advisory_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `assignment_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`completed` integer NOT NULL,
	`leave_reason` text,
	`note` text,
	`rating` integer,
	`would_rehire` integer,
	`factors` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignment_outcomes_live` ON `assignment_outcomes` (`assignment_id`) WHERE "assignment_outcomes"."archived_at" IS NULL;--> statement-breakpoint
CREATE TABLE `fit_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`position_id` text NOT NULL,
	`decision` text NOT NULL,
	`note` text NOT NULL,
	`basis` text NOT NULL,
	`log_id` text,
	`decided_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`log_id`) REFERENCES `advisory_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fit_decisions_person` ON `fit_decisions` (`person_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fit_presets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`label` text NOT NULL,
	`weights` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fit_presets_live_name` ON `fit_presets` (`name`) WHERE "fit_presets"."archived_at" IS NULL;--> statement-breakpoint
CREATE TABLE `person_visas` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`expires_on` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_visas_person` ON `person_visas` (`person_id`);--> statement-breakpoint
CREATE TABLE `prediction_models` (
	`id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`coefficients` text NOT NULL,
	`n` integer NOT NULL,
	`events` integer NOT NULL,
	`fit` text NOT NULL,
	`author` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE TABLE `sea_service` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`vessel_name` text NOT NULL,
	`length_m` real,
	`gross_tonnage` real,
	`use` text,
	`department` text NOT NULL,
	`position_title` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sea_service_person` ON `sea_service` (`person_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `trait_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`title_key` text NOT NULL,
	`ranges` text NOT NULL,
	`based_on` text NOT NULL,
	`author` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE INDEX `trait_profiles_title` ON `trait_profiles` (`title_key`,`created_at`);--> statement-breakpoint
ALTER TABLE `people` ADD `notice_days` integer;--> statement-breakpoint
ALTER TABLE `vessels` ADD `cruising_areas` text DEFAULT '[]' NOT NULL;
CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`position_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`rotation_weeks_on` integer,
	`rotation_weeks_off` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_person` ON `assignments` (`person_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `assignments_position` ON `assignments` (`position_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `assignments_open` ON `assignments` (`end_date`,`person_id`,`start_date`,`rotation_weeks_on`,`rotation_weeks_off`,`position_id`) WHERE "assignments"."archived_at" IS NULL;--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`given_names` text NOT NULL,
	`surname` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`nationalities` text NOT NULL,
	`languages` text NOT NULL,
	`email` text,
	`phone` text,
	`emergency_contact_name` text,
	`emergency_contact_phone` text,
	`emergency_contact_relation` text,
	`photo_hash` text,
	`sort_key` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE INDEX `people_live_sort` ON `people` (`sort_key`,`id`) WHERE "people"."archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX `people_sort` ON `people` (`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `people_live_id` ON `people` (`id`) WHERE "people"."archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX `people_email` ON `people` (`email`);--> statement-breakpoint
CREATE TABLE `person_search_terms` (
	`term` text NOT NULL,
	`person_id` text NOT NULL,
	`sort_key` text NOT NULL,
	`archived` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_search_terms_cover` ON `person_search_terms` (`term`,`archived`,`sort_key`,`person_id`);--> statement-breakpoint
CREATE INDEX `person_search_terms_person` ON `person_search_terms` (`person_id`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` text PRIMARY KEY NOT NULL,
	`vessel_id` text NOT NULL,
	`department` text NOT NULL,
	`title` text NOT NULL,
	`headcount` integer NOT NULL,
	`rotation_weeks_on` integer,
	`rotation_weeks_off` integer,
	`employment_kind` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`vessel_id`) REFERENCES `vessels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `positions_vessel` ON `positions` (`vessel_id`);--> statement-breakpoint
CREATE TABLE `vessels` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`length_m` real NOT NULL,
	`gross_tonnage` real,
	`flag` text NOT NULL,
	`imo_number` text,
	`official_number` text,
	`home_port` text,
	`use` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vessels_imo_live` ON `vessels` (`imo_number`) WHERE "vessels"."imo_number" IS NOT NULL AND "vessels"."archived_at" IS NULL;
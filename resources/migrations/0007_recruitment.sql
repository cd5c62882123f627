CREATE TABLE `application_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`reason` text,
	`moved_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_moves_application` ON `application_moves` (`application_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `application_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`kind` text NOT NULL,
	`visibility` text NOT NULL,
	`body` text NOT NULL,
	`author` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_notes_application` ON `application_notes` (`application_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`requisition_id` text NOT NULL,
	`person_id` text NOT NULL,
	`stage` text NOT NULL,
	`source` text NOT NULL,
	`agency` text,
	`exit_reason` text,
	`offer_start_date` text,
	`offer_rotation_weeks_on` integer,
	`offer_rotation_weeks_off` integer,
	`offer_salary` integer,
	`assignment_id` text,
	`stage_changed_at` text NOT NULL,
	`placed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`requisition_id`) REFERENCES `requisitions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_live_candidate` ON `applications` (`requisition_id`,`person_id`) WHERE "applications"."archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX `applications_person` ON `applications` (`person_id`);--> statement-breakpoint
CREATE TABLE `candidate_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`language_levels` text NOT NULL,
	`smoker` integer,
	`visible_tattoos` integer,
	`driving_licence` text,
	`summary` text,
	`references` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidate_profiles_person_id_unique` ON `candidate_profiles` (`person_id`);--> statement-breakpoint
CREATE TABLE `interview_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`interview_id` text NOT NULL,
	`interviewer` text NOT NULL,
	`ratings` text NOT NULL,
	`overall` integer NOT NULL,
	`recommendation` text NOT NULL,
	`strengths` text,
	`concerns` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_feedback_once` ON `interview_feedback` (`interview_id`,`interviewer`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	`interviewers` text NOT NULL,
	`starts_at` text NOT NULL,
	`time_zone` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`location` text,
	`questions` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interviews_application` ON `interviews` (`application_id`);--> statement-breakpoint
CREATE INDEX `interviews_time` ON `interviews` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`priority` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text NOT NULL,
	`vessel_id` text,
	`person_id` text,
	`event_key` text NOT NULL,
	`read_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`vessel_id`) REFERENCES `vessels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_event` ON `notifications` (`event_key`);--> statement-breakpoint
CREATE INDEX `notifications_inbox` ON `notifications` (`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `requisitions` (
	`id` text PRIMARY KEY NOT NULL,
	`position_id` text NOT NULL,
	`title` text NOT NULL,
	`department` text NOT NULL,
	`start_date` text NOT NULL,
	`rotation_weeks_on` integer,
	`rotation_weeks_off` integer,
	`salary_min` integer,
	`salary_max` integer,
	`currency` text,
	`places` integer NOT NULL,
	`requirements` text NOT NULL,
	`status` text NOT NULL,
	`opened_at` text,
	`ended_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requisitions_status` ON `requisitions` (`status`,`start_date`);--> statement-breakpoint
CREATE TABLE `vessel_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`vessel_id` text NOT NULL,
	`application_id` text NOT NULL,
	`agency` text,
	`submitted_at` text NOT NULL,
	`submitted_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vessel_id`) REFERENCES `vessels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vessel_submissions_first` ON `vessel_submissions` (`person_id`,`vessel_id`,`submitted_at`);
CREATE TABLE `document_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`action` text NOT NULL,
	`author` text NOT NULL,
	`field` text,
	`from_value` text,
	`to_value` text,
	`note` text,
	`status_after` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_reviews_document` ON `document_reviews` (`document_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`file_hash` text NOT NULL,
	`file_name` text NOT NULL,
	`byte_size` integer NOT NULL,
	`type` text NOT NULL,
	`kind` text,
	`status` text NOT NULL,
	`reasons` text NOT NULL,
	`checks` text NOT NULL,
	`fields` text NOT NULL,
	`read_fields` text NOT NULL,
	`mrz` text,
	`ocr_text` text NOT NULL,
	`confidence` real NOT NULL,
	`expires_on` text,
	`decided_by` text,
	`decided_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_person` ON `documents` (`person_id`,`kind`,`status`,`expires_on`);--> statement-breakpoint
CREATE INDEX `documents_queue` ON `documents` (`status`,`created_at`,`id`) WHERE "documents"."archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX `documents_file` ON `documents` (`person_id`,`file_hash`);--> statement-breakpoint
CREATE INDEX `documents_expiring` ON `documents` (`status`,`expires_on`,`person_id`,`kind`) WHERE "documents"."archived_at" IS NULL;--> statement-breakpoint
CREATE TABLE `assessment_instruments` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_instruments_live_key` ON `assessment_instruments` (`key`) WHERE "assessment_instruments"."archived_at" IS NULL;--> statement-breakpoint
CREATE TABLE `assessment_results` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`instrument_id` text NOT NULL,
	`instrument_version` text NOT NULL,
	`taken_on` text NOT NULL,
	`context` text NOT NULL,
	`items` text NOT NULL,
	`answers` text NOT NULL,
	`answered` integer NOT NULL,
	`scales` text NOT NULL,
	`facets` text NOT NULL,
	`careless` text NOT NULL,
	`response_time` text,
	`verdict` text NOT NULL,
	`reasons` text NOT NULL,
	`norm_ref` text,
	`batch_id` text NOT NULL,
	`batch_size` integer NOT NULL,
	`source_file` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_results_person` ON `assessment_results` (`person_id`,`taken_on`);--> statement-breakpoint
CREATE INDEX `assessment_results_list` ON `assessment_results` (`taken_on`,`id`);--> statement-breakpoint
CREATE INDEX `assessment_results_group` ON `assessment_results` (`instrument_id`,`context`,`person_id`,`taken_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_results_once` ON `assessment_results` (`person_id`,`instrument_id`,`taken_on`) WHERE "assessment_results"."archived_at" IS NULL;--> statement-breakpoint
CREATE TABLE `norm_tables` (
	`id` text PRIMARY KEY NOT NULL,
	`instrument_id` text NOT NULL,
	`label` text NOT NULL,
	`population` text NOT NULL,
	`source` text NOT NULL,
	`n` integer,
	`rows` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text
);
--> statement-breakpoint
CREATE INDEX `norm_tables_instrument` ON `norm_tables` (`instrument_id`,`label`);
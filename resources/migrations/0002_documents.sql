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
CREATE INDEX `documents_expiring` ON `documents` (`status`,`expires_on`,`person_id`,`kind`) WHERE "documents"."archived_at" IS NULL;
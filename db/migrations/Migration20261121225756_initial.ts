import { Migration } from '@mikro-orm/migrations';

export class Migration20261121225756_initial extends Migration {

  override name = 'Migration20261121225756_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "closure_day" ("date" date not null, "reason" varchar(120) not null, primary key ("date"));`);

    this.addSql(`create table "company" ("id" uuid not null, "abbreviation" varchar(3) null, "name" varchar(120) null, "name_kana" varchar(240) null, "name_en" varchar(120) null, "head_office_postal_code" varchar(7) null, "head_office_phone" varchar(15) null, "head_office_prefecture" varchar(10) null, "head_office_fax" varchar(15) null, "head_office_address" varchar(200) null, "head_office_address_kana" varchar(400) null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "company" add constraint "company_abbreviation_unique" unique ("abbreviation");`);

    this.addSql(`create table "office" ("id" uuid not null, "company_id" uuid not null, "code" varchar(6) null, "status" text not null default 'PENDING', "name" varchar(120) null, "name_kana" varchar(240) null, "addr_postal_code" varchar(7) null, "phone" varchar(15) null, "addr_prefecture" varchar(10) null, "fax" varchar(15) null, "addr_address" varchar(200) null, "customs_office" varchar(20) null, "addr_address_kana" varchar(400) null, "contractor_last_name" varchar(40) null, "contractor_first_name" varchar(40) null, "manager_last_name" varchar(40) null, "emergency_faxes" text[] null, "contractor_last_name_kana" varchar(80) null, "manager_first_name" varchar(40) null, "contractor_first_name_kana" varchar(80) null, "manager_last_name_kana" varchar(80) null, "contractor_department" varchar(80) null, "manager_first_name_kana" varchar(80) null, "contractor_title" varchar(80) null, "manager_department" varchar(80) null, "contractor_phone" varchar(15) null, "manager_title" varchar(80) null, "contractor_fax" varchar(15) null, "manager_phone" varchar(15) null, "contractor_email" varchar(254) null, "manager_fax" varchar(15) null, "manager_email" varchar(254) null, "uses_net" boolean not null default false, "uses_general" boolean not null default false, "plan" text null, "billing_code" varchar(7) null, "billing_consolidated" boolean null, "billing_consolidated_billing_code" varchar(7) null, "billing_consolidated_office_code" varchar(6) null, "billing_company_name" varchar(120) null, "billing_office_name" varchar(120) null, "billing_address_same_as_office" boolean null, "billing_addr_postal_code" varchar(7) null, "billing_addr_prefecture" varchar(10) null, "billing_contact_last_name" varchar(40) null, "billing_emails" text[] null, "billing_addr_address" varchar(200) null, "billing_contact_first_name" varchar(40) null, "billing_payment_method" text null, "billing_addr_address_kana" varchar(400) null, "billing_contact_last_name_kana" varchar(80) null, "billing_same_account" boolean null, "billing_contact_first_name_kana" varchar(80) null, "billing_same_account_code" varchar(7) null, "billing_contact_department" varchar(80) null, "billing_bank_name" varchar(40) null, "billing_contact_title" varchar(80) null, "billing_contact_phone" varchar(15) null, "billing_contact_fax" varchar(15) null, "billing_contact_email" varchar(254) null, "password_enc" text null, "start_date" date null, "end_date" date null, "search_text" text not null default '', "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "office" add constraint "office_code_unique" unique ("code");`);
    this.addSql(`alter table "office" add constraint "office_billing_code_unique" unique ("billing_code");`);
    this.addSql(`create index "office_search_text_idx" on "office" ("search_text");`);

    this.addSql(`create table "provisional_account" ("id" uuid not null, "login_id" varchar(7) not null, "password_hash" varchar(200) not null, "company_name" varchar(120) not null, "company_name_kana" varchar(240) not null, "applicant_last_name" varchar(40) null, "applicant_first_name" varchar(40) null, "applicant_last_name_kana" varchar(80) null, "applicant_first_name_kana" varchar(80) null, "applicant_department" varchar(80) null, "applicant_title" varchar(80) null, "applicant_phone" varchar(15) null, "applicant_fax" varchar(15) null, "applicant_email" varchar(254) null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "provisional_account" add constraint "provisional_account_login_id_unique" unique ("login_id");`);

    this.addSql(`create table "receipt_counter" ("year" smallint not null, "serial" int not null, primary key ("year"));`);

    this.addSql(`create table "staff" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(80) not null, "password_hash" varchar(200) not null, "roles" text[] not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "staff" add constraint "staff_email_unique" unique ("email");`);

    this.addSql(`create table "notification_template" ("id" uuid not null, "key" varchar(60) not null, "version" int not null, "subject" text not null, "text" text not null, "html" text null, "created_by_id" uuid null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "notification_template" add constraint "notification_template_key_version" unique ("key", "version");`);

    this.addSql(`create table "application" ("id" uuid not null, "receipt_no" varchar(7) not null, "kind" text not null, "connection" text null, "status" text not null default 'RECEIVED', "version" int not null default 1, "office_id" uuid null, "provisional_account_id" uuid null, "assignee_id" uuid null, "applicant_company_name" varchar(120) null, "applicant_company_name_kana" varchar(240) null, "applicant_last_name" varchar(40) null, "applicant_first_name" varchar(40) null, "applicant_last_name_kana" varchar(80) null, "applicant_first_name_kana" varchar(80) null, "applicant_department" varchar(80) null, "applicant_title" varchar(80) null, "applicant_phone" varchar(15) null, "applicant_fax" varchar(15) null, "applicant_email" varchar(254) null, "reason" varchar(240) null, "remarks" varchar(240) null, "change_items" text[] not null default '{}', "other_change" text null, "transfer_target_office_code" varchar(6) null, "company_name" varchar(120) null, "company_name_kana" varchar(240) null, "company_name_en" varchar(120) null, "company_head_office_postal_code" varchar(7) null, "company_head_office_phone" varchar(15) null, "company_head_office_prefecture" varchar(10) null, "company_head_office_fax" varchar(15) null, "company_head_office_address" varchar(200) null, "company_head_office_address_kana" varchar(400) null, "office_name" varchar(120) null, "office_name_kana" varchar(240) null, "office_addr_postal_code" varchar(7) null, "office_phone" varchar(15) null, "office_addr_prefecture" varchar(10) null, "office_fax" varchar(15) null, "office_addr_address" varchar(200) null, "office_customs_office" varchar(20) null, "office_addr_address_kana" varchar(400) null, "office_contractor_last_name" varchar(40) null, "office_contractor_first_name" varchar(40) null, "office_manager_last_name" varchar(40) null, "office_emergency_faxes" text[] null, "office_contractor_last_name_kana" varchar(80) null, "office_manager_first_name" varchar(40) null, "office_contractor_first_name_kana" varchar(80) null, "office_manager_last_name_kana" varchar(80) null, "office_contractor_department" varchar(80) null, "office_manager_first_name_kana" varchar(80) null, "office_contractor_title" varchar(80) null, "office_manager_department" varchar(80) null, "office_contractor_phone" varchar(15) null, "office_manager_title" varchar(80) null, "office_contractor_fax" varchar(15) null, "office_manager_phone" varchar(15) null, "office_contractor_email" varchar(254) null, "office_manager_fax" varchar(15) null, "office_manager_email" varchar(254) null, "no_line_required" boolean not null default false, "equipment_sharing_office_code" varchar(6) null, "construction_contact_last_name" varchar(40) null, "construction_contact_first_name" varchar(40) null, "construction_contact_last_name_kana" varchar(80) null, "construction_contact_first_name_kana" varchar(80) null, "construction_contact_department" varchar(80) null, "construction_contact_title" varchar(80) null, "construction_contact_phone" varchar(15) null, "construction_contact_fax" varchar(15) null, "construction_contact_email" varchar(254) null, "construction_attendee_last_name" varchar(40) null, "construction_attendee_first_name" varchar(40) null, "construction_attendee_last_name_kana" varchar(80) null, "construction_attendee_first_name_kana" varchar(80) null, "construction_attendee_department" varchar(80) null, "construction_attendee_title" varchar(80) null, "construction_attendee_phone" varchar(15) null, "construction_attendee_fax" varchar(15) null, "construction_attendee_email" varchar(254) null, "construction_notes" varchar(240) null, "plan" text null, "billing_consolidated" boolean null, "billing_consolidated_billing_code" varchar(7) null, "billing_consolidated_office_code" varchar(6) null, "billing_company_name" varchar(120) null, "billing_office_name" varchar(120) null, "billing_address_same_as_office" boolean null, "billing_addr_postal_code" varchar(7) null, "billing_addr_prefecture" varchar(10) null, "billing_contact_last_name" varchar(40) null, "billing_emails" text[] null, "billing_addr_address" varchar(200) null, "billing_contact_first_name" varchar(40) null, "billing_payment_method" text null, "billing_addr_address_kana" varchar(400) null, "billing_contact_last_name_kana" varchar(80) null, "billing_same_account" boolean null, "billing_contact_first_name_kana" varchar(80) null, "billing_same_account_code" varchar(7) null, "billing_contact_department" varchar(80) null, "billing_bank_name" varchar(40) null, "billing_contact_title" varchar(80) null, "billing_contact_phone" varchar(15) null, "billing_contact_fax" varchar(15) null, "billing_contact_email" varchar(254) null, "received_at" timestamptz not null, "desired_start_date" date null, "start_date" date null, "reviewed_at" timestamptz null, "system_settings_deadline" date null, "system_settings_recorded_at" timestamptz null, "return_message" text null, "updated_at" timestamptz not null default now(), "search_text" text not null default '', primary key ("id"));`);
    this.addSql(`alter table "application" add constraint "application_receipt_no_unique" unique ("receipt_no");`);
    this.addSql(`create index "application_office_id_index" on "application" ("office_id");`);
    this.addSql(`create index "application_provisional_account_id_index" on "application" ("provisional_account_id");`);
    this.addSql(`create index "application_assignee_id_index" on "application" ("assignee_id");`);
    this.addSql(`create index "application_status_received_idx" on "application" ("status", "received_at");`);

    this.addSql(`create table "outbound_email" ("id" uuid not null, "template_key" varchar(60) not null, "template_version" int null, "application_id" uuid null, "recipients" text[] not null, "subject" text not null, "text" text not null, "html" text null, "message_id" varchar(200) not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_error" text null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "outbound_email" add constraint "outbound_email_message_id_unique" unique ("message_id");`);
    this.addSql(`create index "outbound_email_due_idx" on "outbound_email" ("status", "next_attempt_at");`);

    this.addSql(`create table "notice" ("id" uuid not null, "office_id" uuid not null, "application_id" uuid null, "category" text not null, "message" text not null, "at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "notice_office_at_idx" on "notice" ("office_id", "at");`);

    this.addSql(`create table "mailbox" ("id" uuid not null, "mailbox_id" varchar(8) not null, "office_id" uuid not null, "type" text not null, "password_enc" text not null, "start_date" date not null, "end_date" date null, "issued_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "mailbox" add constraint "mailbox_mailbox_id_unique" unique ("mailbox_id");`);
    this.addSql(`create index "mailbox_office_id_index" on "mailbox" ("office_id");`);

    this.addSql(`create table "line" ("id" uuid not null, "office_id" uuid not null, "system_category" text not null, "connection_method" text not null, "line_type" text not null, "speed" varchar(20) not null, "indoor_wiring" text null, "maintenance" text not null, "redundancy" boolean not null default false, "spare_router" boolean not null default false, "ping_monitoring" boolean not null default false, "place_postal_code" varchar(7) null, "place_prefecture" varchar(10) null, "place_address" varchar(200) null, "place_address_kana" varchar(400) null, "ip_address" varchar(45) null, "start_date" date not null, "end_date" date null, "issued_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "line_office_id_index" on "line" ("office_id");`);
    this.addSql(`alter table "line" add constraint "line_ip_address_unique" unique ("ip_address");`);

    this.addSql(`create table "attachment" ("id" uuid not null, "application_id" uuid not null, "kind" text not null, "file_name" varchar(255) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "content" bytea not null, "created_at" timestamptz not null default now(), primary key ("id"));`);

    this.addSql(`create table "application_user_code" ("id" uuid not null, "application_id" uuid not null, "action" text not null default 'ADD', "user_code" varchar(5) null, "shared" boolean not null default false, "system_category" text null, "single_sign_on" boolean not null default false, "statistics_paid" boolean not null default false, "statistics_free" boolean not null default false, "bonded_record_service" boolean not null default false, "position" int not null default 0, primary key ("id"));`);

    this.addSql(`create table "application_user_id" ("id" uuid not null, "user_code_id" uuid not null, "action" text not null default 'ADD', "industries" text[] not null default '{}', "processing_method" text null, "ident_count" int null, "ident_no" varchar(3) null, "position" int not null default 0, primary key ("id"));`);

    this.addSql(`create table "application_terminal" ("id" uuid not null, "application_id" uuid not null, "action" text not null default 'ADD', "terminal_type" text not null, "system_category" text not null, "count" int null, "line_no" int null, "terminal_name" varchar(6) null, "new_system_category" text null, primary key ("id"));`);

    this.addSql(`create table "application_mailbox" ("id" uuid not null, "application_id" uuid not null, "action" text not null default 'ADD', "mailbox_type" text not null, "count" int null, "mailbox_id" varchar(8) null, primary key ("id"));`);

    this.addSql(`create table "application_line" ("id" uuid not null, "application_id" uuid not null, "action" text not null default 'ADD', "line_no" int not null, "existing_line_id" uuid null, "system_category" text null, "connection_method" text null, "edifact" boolean not null default false, "line_type" text null, "speed" varchar(20) null, "indoor_wiring" text null, "maintenance" text null, "redundancy" boolean not null default false, "spare_router" boolean not null default false, "ping_monitoring" boolean not null default false, "construction_date" date null, "place_same_as_office" boolean not null default true, "place_postal_code" varchar(7) null, "place_prefecture" varchar(10) null, "place_address" varchar(200) null, "place_address_kana" varchar(400) null, "shared" boolean not null default false, primary key ("id"));`);

    this.addSql(`create table "application_history" ("id" bigserial primary key, "application_id" uuid not null, "at" timestamptz not null default now(), "actor_id" uuid null, "actor_name" varchar(120) not null, "actor_role" varchar(20) not null, "action" text not null, "from_status" text null, "to_status" text null, "message" text null, "version" int not null, "internal" boolean not null default false);`);
    this.addSql(`create index "application_history_application_id_index" on "application_history" ("application_id");`);

    this.addSql(`create table "application_change" ("id" uuid not null, "application_id" uuid not null, "item" text not null, "field" varchar(120) not null, "before" text null, "after" text null, primary key ("id"));`);

    this.addSql(`create table "api_key" ("id" uuid not null, "name" varchar(80) not null, "prefix" varchar(16) not null, "secret_hash" varchar(200) not null, "roles" text[] not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_by_id" uuid null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`create table "audit_log" ("id" bigserial primary key, "at" timestamptz not null default now(), "staff_id" uuid null, "api_key_id" uuid null, "action" varchar(60) not null, "target" text null, "detail" text null, "ip" varchar(64) null);`);
    this.addSql(`create index "audit_log_at_idx" on "audit_log" ("at");`);

    this.addSql(`create table "terminal" ("id" uuid not null, "name" varchar(6) not null, "office_id" uuid not null, "type" text not null, "system_category" text not null, "access_key" varchar(13) not null, "line_id" uuid null, "start_date" date not null, "end_date" date null, "issued_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "terminal" add constraint "terminal_name_unique" unique ("name");`);
    this.addSql(`create index "terminal_office_id_index" on "terminal" ("office_id");`);

    this.addSql(`create table "certificate" ("id" uuid not null, "terminal_id" uuid not null, "application_id" uuid null, "status" text not null default 'PENDING', "auth_code1" varchar(7) not null, "auth_code2enc" text not null, "auth_code3enc" text not null, "auth_codes_used_at" timestamptz null, "failed_attempts" int not null default 0, "serial" varchar(40) null, "pem" text null, "not_before" timestamptz null, "not_after" timestamptz null, "acquired_at" timestamptz null, "revoked_at" timestamptz null, "reason" text null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "certificate_terminal_id_index" on "certificate" ("terminal_id");`);
    this.addSql(`alter table "certificate" add constraint "certificate_serial_unique" unique ("serial");`);

    this.addSql(`create table "user_code" ("id" uuid not null, "code" varchar(5) not null, "office_id" uuid not null, "system_category" text not null, "statistics_paid" boolean not null default false, "statistics_free" boolean not null default false, "bonded_record_service" boolean not null default false, "start_date" date not null, "end_date" date null, "issued_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "user_code" add constraint "user_code_code_unique" unique ("code");`);
    this.addSql(`create index "user_code_office_id_index" on "user_code" ("office_id");`);

    this.addSql(`create table "user_code_share" ("user_code_id" uuid not null, "office_id" uuid not null, primary key ("user_code_id", "office_id"));`);

    this.addSql(`create table "user_id" ("id" uuid not null, "user_code_id" uuid not null, "ident_no" varchar(3) not null, "office_id" uuid not null, "industries" text[] not null, "processing_method" text not null, "connection" text not null, "password_enc" text not null, "password_issued_at" timestamptz not null, "start_date" date not null, "end_date" date null, "issued_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "user_id_office_id_index" on "user_id" ("office_id");`);
    this.addSql(`alter table "user_id" add constraint "user_id_code_ident_unique" unique ("user_code_id", "ident_no");`);

    this.addSql(`alter table "company" add constraint "company_abbreviation_format" check (abbreviation ~ '^[A-Z]{3}\$');`);

    this.addSql(`alter table "office" add constraint "office_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "office" add constraint "office_code_when_active" check (status = 'PENDING' or code is not null);`);
    this.addSql(`alter table "office" add constraint "office_billing_emails_max" check (billing_emails is null or cardinality(billing_emails) <= 5);`);
    this.addSql(`alter table "office" add constraint "office_billing_consolidated_xor" check (not (billing_consolidated_billing_code is not null and billing_consolidated_office_code is not null));`);
    this.addSql(`alter table "office" add constraint "office_emergency_faxes_count" check (emergency_faxes is null or cardinality(emergency_faxes) >= 1 and cardinality(emergency_faxes) <= 3);`);
    this.addSql(`alter table "office" add constraint "office_billing_code_format" check (billing_code ~ '^[0-9]{7}\$');`);
    this.addSql(`alter table "office" add constraint "office_code_format" check (code ~ '^[A-Z]{3}[0-9]{3}\$');`);
    this.addSql(`alter table "office" add constraint "office_status_check" check ("status" in ('PENDING', 'ACTIVE', 'CLOSED'));`);
    this.addSql(`alter table "office" add constraint "office_plan_check" check ("plan" in ('A', 'B'));`);
    this.addSql(`alter table "office" add constraint "office_billing_payment_method_check" check ("billing_payment_method" in ('DEBIT', 'TRANSFER'));`);

    this.addSql(`alter table "provisional_account" add constraint "provisional_account_expiry_after_creation" check (expires_at > created_at);`);
    this.addSql(`alter table "provisional_account" add constraint "provisional_account_login_id_format" check (login_id ~ '^[0-9]{7}\$');`);

    this.addSql(`alter table "receipt_counter" add constraint "receipt_counter_serial" check (serial >= 0);`);

    this.addSql(`alter table "staff" add constraint "staff_roles_check" check ("roles" <@ array['ADMIN'::text, 'SUPERVISOR'::text, 'REVIEWER'::text, 'SUPPORT'::text, 'INTEGRATOR'::text]);`);

    this.addSql(`alter table "notification_template" add constraint "notification_template_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on delete set null;`);

    this.addSql(`alter table "application" add constraint "application_office_id_foreign" foreign key ("office_id") references "office" ("id") on delete set null;`);
    this.addSql(`alter table "application" add constraint "application_provisional_account_id_foreign" foreign key ("provisional_account_id") references "provisional_account" ("id") on delete set null;`);
    this.addSql(`alter table "application" add constraint "application_assignee_id_foreign" foreign key ("assignee_id") references "staff" ("id") on delete set null;`);
    this.addSql(`alter table "application" add constraint "application_emergency_faxes_count" check (office_emergency_faxes is null or cardinality(office_emergency_faxes) >= 1 and cardinality(office_emergency_faxes) <= 3);`);
    this.addSql(`alter table "application" add constraint "application_billing_emails_max" check (billing_emails is null or cardinality(billing_emails) <= 5);`);
    this.addSql(`alter table "application" add constraint "application_billing_consolidated_xor" check (not (billing_consolidated_billing_code is not null and billing_consolidated_office_code is not null));`);
    this.addSql(`alter table "application" add constraint "application_version_positive" check (version >= 1);`);
    this.addSql(`alter table "application" add constraint "application_returned_has_message" check (status <> 'RETURNED' or length(btrim(return_message)) > 0);`);
    this.addSql(`alter table "application" add constraint "application_approved_has_start_date" check (status <> 'APPROVED' or start_date is not null);`);
    this.addSql(`alter table "application" add constraint "application_change_has_office" check (kind = 'NEW' or office_id is not null);`);
    this.addSql(`alter table "application" add constraint "application_new_has_connection" check (kind <> 'NEW' or connection is not null);`);
    this.addSql(`alter table "application" add constraint "application_transfer_target" check (coalesce(other_change = 'TRANSFER', false) = (transfer_target_office_code is not null));`);
    this.addSql(`alter table "application" add constraint "application_other_change_alone" check (other_change is null or cardinality(change_items) = 0);`);
    this.addSql(`alter table "application" add constraint "application_receipt_no_format" check (receipt_no ~ '^[0-9]{6}[A-Z]\$');`);
    this.addSql(`alter table "application" add constraint "application_kind_check" check ("kind" in ('NEW', 'CHANGE', 'TERMINATION'));`);
    this.addSql(`alter table "application" add constraint "application_connection_check" check ("connection" in ('NET', 'GENERAL'));`);
    this.addSql(`alter table "application" add constraint "application_status_check" check ("status" in ('RECEIVED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'WITHDRAWN', 'CANCELLED'));`);
    this.addSql(`alter table "application" add constraint "application_change_items_check" check ("change_items" <@ array['COMPANY_OFFICE'::text, 'CONTRACTOR'::text, 'HEAD_OFFICE'::text, 'MANAGER'::text, 'INDUSTRY'::text, 'USER_CODE'::text, 'IDENT_NO'::text, 'NET_TERMINAL'::text, 'WEB_CERTIFICATE'::text, 'GENERAL_LINE'::text, 'GENERAL_TERMINAL'::text, 'MAILBOX'::text, 'PLAN'::text, 'STATISTICS'::text, 'BONDED_RECORD_SERVICE'::text, 'BILLING_ADDRESS'::text, 'BILLING_CONTACT'::text, 'PAYMENT_METHOD'::text]);`);
    this.addSql(`alter table "application" add constraint "application_other_change_check" check ("other_change" in ('EQUIPMENT_SHARING', 'JOINT_USE', 'JOINT_USE_NEW_OFFICE', 'TRANSFER', 'SUCCESSION', 'TERMINATION'));`);
    this.addSql(`alter table "application" add constraint "application_plan_check" check ("plan" in ('A', 'B'));`);
    this.addSql(`alter table "application" add constraint "application_billing_payment_method_check" check ("billing_payment_method" in ('DEBIT', 'TRANSFER'));`);

    this.addSql(`alter table "outbound_email" add constraint "outbound_email_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "outbound_email" add constraint "outbound_email_has_recipient" check (cardinality(recipients) >= 1);`);
    this.addSql(`alter table "outbound_email" add constraint "outbound_email_status_check" check ("status" in ('PENDING', 'SENDING', 'SENT', 'DEAD'));`);

    this.addSql(`alter table "notice" add constraint "notice_office_id_foreign" foreign key ("office_id") references "office" ("id");`);
    this.addSql(`alter table "notice" add constraint "notice_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "notice" add constraint "notice_category_check" check ("category" in ('APPLICATION', 'SYSTEM_SETTINGS', 'BILLING', 'CERTIFICATE_REISSUE'));`);

    this.addSql(`alter table "mailbox" add constraint "mailbox_office_id_foreign" foreign key ("office_id") references "office" ("id");`);
    this.addSql(`alter table "mailbox" add constraint "mailbox_issued_by_id_foreign" foreign key ("issued_by_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "mailbox" add constraint "mailbox_id_shape" check (mailbox_id ~ '^[A-Z]{3}[0-9]{5}\$');`);
    this.addSql(`alter table "mailbox" add constraint "mailbox_type_check" check ("type" in ('SMTP_POP3', 'EDIFACT'));`);

    this.addSql(`alter table "line" add constraint "line_office_id_foreign" foreign key ("office_id") references "office" ("id");`);
    this.addSql(`alter table "line" add constraint "line_issued_by_id_foreign" foreign key ("issued_by_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "line" add constraint "line_redundancy_excludes_spare" check (not (redundancy and spare_router));`);
    this.addSql(`alter table "line" add constraint "line_system_category_check" check ("system_category" in ('SEA', 'AIR', 'BOTH'));`);
    this.addSql(`alter table "line" add constraint "line_connection_method_check" check ("connection_method" in ('INTERACTIVE', 'GATEWAY'));`);
    this.addSql(`alter table "line" add constraint "line_line_type_check" check ("line_type" in ('LEASED', 'FIBER'));`);
    this.addSql(`alter table "line" add constraint "line_indoor_wiring_check" check ("indoor_wiring" in ('CENTER_RENTAL', 'CUSTOMER'));`);
    this.addSql(`alter table "line" add constraint "line_maintenance_check" check ("maintenance" in ('H24_365', 'WEEKDAY_DAYTIME'));`);

    this.addSql(`alter table "attachment" add constraint "attachment_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "attachment" add constraint "attachment_sha256" check (sha256 ~ '^[0-9a-f]{64}\$');`);
    this.addSql(`alter table "attachment" add constraint "attachment_size_limit" check (size >= 1 and size <= 10485760);`);
    this.addSql(`alter table "attachment" add constraint "attachment_kind_check" check ("kind" in ('SYSTEM_DIAGRAM', 'POWER_OF_ATTORNEY', 'OTHER'));`);

    this.addSql(`alter table "application_user_code" add constraint "application_user_code_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "application_user_code" add constraint "application_user_code_shared_names_code" check (not shared or user_code is not null);`);
    this.addSql(`alter table "application_user_code" add constraint "application_user_code_bonded_needs_paid" check (not bonded_record_service or statistics_paid);`);
    this.addSql(`alter table "application_user_code" add constraint "application_user_code_shape" check (user_code ~ '^[0-9A-Z]{5}\$');`);
    this.addSql(`alter table "application_user_code" add constraint "application_user_code_action_check" check ("action" in ('ADD', 'CHANGE', 'DELETE'));`);
    this.addSql(`alter table "application_user_code" add constraint "application_user_code_system_category_check" check ("system_category" in ('SEA', 'AIR', 'BOTH'));`);

    this.addSql(`alter table "application_user_id" add constraint "application_user_id_user_code_id_foreign" foreign key ("user_code_id") references "application_user_code" ("id") on delete cascade;`);
    this.addSql(`alter table "application_user_id" add constraint "application_user_id_industries" check (action <> 'ADD' or cardinality(industries) >= 1);`);
    this.addSql(`alter table "application_user_id" add constraint "application_user_id_ident_no" check (action = 'ADD' or ident_no ~ '^[0-9A-Z]{3}\$');`);
    this.addSql(`alter table "application_user_id" add constraint "application_user_id_count" check (action <> 'ADD' or ident_count >= 1 and ident_count <= 99);`);
    this.addSql(`alter table "application_user_id" add constraint "application_user_id_action_check" check ("action" in ('ADD', 'CHANGE', 'DELETE'));`);
    this.addSql(`alter table "application_user_id" add constraint "application_user_id_industries_check" check ("industries" <@ array['CUSTOMS_BROKER'::text, 'SELF_CUSTOMS'::text, 'CONSOLIDATOR'::text, 'SHIPPING_LINE'::text, 'SHIPPING_AGENT'::text, 'AIRLINE'::text, 'BONDED_WAREHOUSE'::text, 'CONTAINER_YARD'::text, 'AIRCRAFT_SUPPLIES'::text, 'BANK'::text, 'TRADER'::text, 'CAPTAIN_AGENT'::text, 'NVOCC'::text]);`);
    this.addSql(`alter table "application_user_id" add constraint "application_user_id_processing_method_check" check ("processing_method" in ('INTERACTIVE', 'SMTP_BIDIRECTIONAL', 'SMTP_POP3', 'EBMS', 'EDIFACT'));`);

    this.addSql(`alter table "application_terminal" add constraint "application_terminal_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "application_terminal" add constraint "application_terminal_new_category" check (action <> 'CHANGE' or new_system_category is not null);`);
    this.addSql(`alter table "application_terminal" add constraint "application_terminal_name" check (action = 'ADD' or terminal_name ~ '^[0-9]{5}[WC]\$');`);
    this.addSql(`alter table "application_terminal" add constraint "application_terminal_count" check (action <> 'ADD' or count >= 1 and count <= 999);`);
    this.addSql(`alter table "application_terminal" add constraint "application_terminal_action_check" check ("action" in ('ADD', 'CHANGE', 'DELETE'));`);
    this.addSql(`alter table "application_terminal" add constraint "application_terminal_terminal_type_check" check ("terminal_type" in ('NET', 'WEB', 'EBMS', 'GENERAL'));`);
    this.addSql(`alter table "application_terminal" add constraint "application_terminal_system_category_check" check ("system_category" in ('SEA', 'AIR', 'BOTH'));`);
    this.addSql(`alter table "application_terminal" add constraint "application_terminal_new_system_category_check" check ("new_system_category" in ('SEA', 'AIR', 'BOTH'));`);

    this.addSql(`alter table "application_mailbox" add constraint "application_mailbox_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "application_mailbox" add constraint "application_mailbox_id" check (action <> 'DELETE' or mailbox_id ~ '^[A-Z]{3}[0-9]{5}\$');`);
    this.addSql(`alter table "application_mailbox" add constraint "application_mailbox_count" check (action <> 'ADD' or count >= 1 and count <= 99);`);
    this.addSql(`alter table "application_mailbox" add constraint "application_mailbox_action_check" check ("action" in ('ADD', 'CHANGE', 'DELETE'));`);
    this.addSql(`alter table "application_mailbox" add constraint "application_mailbox_mailbox_type_check" check ("mailbox_type" in ('SMTP_POP3', 'EDIFACT'));`);

    this.addSql(`alter table "application_line" add constraint "application_line_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "application_line" add constraint "application_line_options_need_24h" check (maintenance = 'H24_365' or not (redundancy or spare_router or ping_monitoring));`);
    this.addSql(`alter table "application_line" add constraint "application_line_redundancy_excludes_spare" check (not (redundancy and spare_router));`);
    this.addSql(`alter table "application_line" add constraint "application_line_action_check" check ("action" in ('ADD', 'CHANGE', 'DELETE'));`);
    this.addSql(`alter table "application_line" add constraint "application_line_system_category_check" check ("system_category" in ('SEA', 'AIR', 'BOTH'));`);
    this.addSql(`alter table "application_line" add constraint "application_line_connection_method_check" check ("connection_method" in ('INTERACTIVE', 'GATEWAY'));`);
    this.addSql(`alter table "application_line" add constraint "application_line_line_type_check" check ("line_type" in ('LEASED', 'FIBER'));`);
    this.addSql(`alter table "application_line" add constraint "application_line_indoor_wiring_check" check ("indoor_wiring" in ('CENTER_RENTAL', 'CUSTOMER'));`);
    this.addSql(`alter table "application_line" add constraint "application_line_maintenance_check" check ("maintenance" in ('H24_365', 'WEEKDAY_DAYTIME'));`);

    this.addSql(`alter table "application_history" add constraint "application_history_application_id_foreign" foreign key ("application_id") references "application" ("id");`);
    this.addSql(`alter table "application_history" add constraint "application_history_actor_id_foreign" foreign key ("actor_id") references "staff" ("id") on delete set null;`);
    this.addSql(`alter table "application_history" add constraint "application_history_return_has_message" check (action not in ('RETURN', 'CANCEL', 'WITHDRAW', 'INTERNAL_NOTE', 'COMMENT') or length(btrim(message)) > 0);`);
    this.addSql(`alter table "application_history" add constraint "application_history_action_check" check ("action" in ('SUBMIT', 'ASSIGN', 'UNASSIGN', 'START_REVIEW', 'RETURN', 'RESUBMIT', 'APPROVE', 'WITHDRAW', 'CANCEL', 'COMMENT', 'INTERNAL_NOTE', 'SYSTEM_SETTINGS', 'PASSWORD_READ'));`);
    this.addSql(`alter table "application_history" add constraint "application_history_from_status_check" check ("from_status" in ('RECEIVED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'WITHDRAWN', 'CANCELLED'));`);
    this.addSql(`alter table "application_history" add constraint "application_history_to_status_check" check ("to_status" in ('RECEIVED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'WITHDRAWN', 'CANCELLED'));`);

    this.addSql(`alter table "application_change" add constraint "application_change_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "application_change" add constraint "application_change_item_check" check ("item" in ('COMPANY_OFFICE', 'CONTRACTOR', 'HEAD_OFFICE', 'MANAGER', 'INDUSTRY', 'USER_CODE', 'IDENT_NO', 'NET_TERMINAL', 'WEB_CERTIFICATE', 'GENERAL_LINE', 'GENERAL_TERMINAL', 'MAILBOX', 'PLAN', 'STATISTICS', 'BONDED_RECORD_SERVICE', 'BILLING_ADDRESS', 'BILLING_CONTACT', 'PAYMENT_METHOD'));`);

    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on delete set null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_roles_check" check ("roles" <@ array['ADMIN'::text, 'SUPERVISOR'::text, 'REVIEWER'::text, 'SUPPORT'::text, 'INTEGRATOR'::text]);`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on delete set null;`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on delete set null;`);

    this.addSql(`alter table "terminal" add constraint "terminal_office_id_foreign" foreign key ("office_id") references "office" ("id");`);
    this.addSql(`alter table "terminal" add constraint "terminal_line_id_foreign" foreign key ("line_id") references "line" ("id") on delete set null;`);
    this.addSql(`alter table "terminal" add constraint "terminal_issued_by_id_foreign" foreign key ("issued_by_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "terminal" add constraint "terminal_access_key_shape" check (access_key ~ '^[0-9]{13}\$');`);
    this.addSql(`alter table "terminal" add constraint "terminal_name_matches_type" check ((type = 'GENERAL' and name ~ 'C\$') or (type <> 'GENERAL' and name ~ 'W\$'));`);
    this.addSql(`alter table "terminal" add constraint "terminal_name_shape" check (name ~ '^[0-9]{5}[WC]\$');`);
    this.addSql(`alter table "terminal" add constraint "terminal_type_check" check ("type" in ('NET', 'WEB', 'EBMS', 'GENERAL'));`);
    this.addSql(`alter table "terminal" add constraint "terminal_system_category_check" check ("system_category" in ('SEA', 'AIR', 'BOTH'));`);

    this.addSql(`alter table "certificate" add constraint "certificate_terminal_id_foreign" foreign key ("terminal_id") references "terminal" ("id");`);
    this.addSql(`alter table "certificate" add constraint "certificate_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "certificate" add constraint "certificate_failed_attempts" check (failed_attempts >= 0);`);
    this.addSql(`alter table "certificate" add constraint "certificate_acquired_has_serial" check (status <> 'ACQUIRED' or serial is not null);`);
    this.addSql(`alter table "certificate" add constraint "certificate_status_check" check ("status" in ('PENDING', 'ACQUIRED', 'REVOKED', 'STOPPED', 'EXPIRED'));`);

    this.addSql(`alter table "user_code" add constraint "user_code_office_id_foreign" foreign key ("office_id") references "office" ("id");`);
    this.addSql(`alter table "user_code" add constraint "user_code_issued_by_id_foreign" foreign key ("issued_by_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "user_code" add constraint "user_code_bonded_needs_paid" check (not bonded_record_service or statistics_paid);`);
    this.addSql(`alter table "user_code" add constraint "user_code_shape" check (code ~ '^[0-9A-Z]{5}\$');`);
    this.addSql(`alter table "user_code" add constraint "user_code_system_category_check" check ("system_category" in ('SEA', 'AIR', 'BOTH'));`);

    this.addSql(`alter table "user_code_share" add constraint "user_code_share_user_code_id_foreign" foreign key ("user_code_id") references "user_code" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_code_share" add constraint "user_code_share_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_id" add constraint "user_id_user_code_id_foreign" foreign key ("user_code_id") references "user_code" ("id");`);
    this.addSql(`alter table "user_id" add constraint "user_id_office_id_foreign" foreign key ("office_id") references "office" ("id");`);
    this.addSql(`alter table "user_id" add constraint "user_id_issued_by_id_foreign" foreign key ("issued_by_id") references "application" ("id") on delete set null;`);
    this.addSql(`alter table "user_id" add constraint "user_id_ident_matches_connection" check ((connection = 'NET' and ident_no ~ '[A-Z]\$') or (connection = 'GENERAL' and ident_no ~ '[0-9]\$'));`);
    this.addSql(`alter table "user_id" add constraint "user_id_ident_shape" check (ident_no ~ '^[0-9A-Z]{3}\$');`);
    this.addSql(`alter table "user_id" add constraint "user_id_industries_check" check ("industries" <@ array['CUSTOMS_BROKER'::text, 'SELF_CUSTOMS'::text, 'CONSOLIDATOR'::text, 'SHIPPING_LINE'::text, 'SHIPPING_AGENT'::text, 'AIRLINE'::text, 'BONDED_WAREHOUSE'::text, 'CONTAINER_YARD'::text, 'AIRCRAFT_SUPPLIES'::text, 'BANK'::text, 'TRADER'::text, 'CAPTAIN_AGENT'::text, 'NVOCC'::text]);`);
    this.addSql(`alter table "user_id" add constraint "user_id_processing_method_check" check ("processing_method" in ('INTERACTIVE', 'SMTP_BIDIRECTIONAL', 'SMTP_POP3', 'EBMS', 'EDIFACT'));`);
    this.addSql(`alter table "user_id" add constraint "user_id_connection_check" check ("connection" in ('NET', 'GENERAL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "office" drop constraint "office_company_id_foreign";`);
    this.addSql(`alter table "application" drop constraint "application_office_id_foreign";`);
    this.addSql(`alter table "notice" drop constraint "notice_office_id_foreign";`);
    this.addSql(`alter table "mailbox" drop constraint "mailbox_office_id_foreign";`);
    this.addSql(`alter table "line" drop constraint "line_office_id_foreign";`);
    this.addSql(`alter table "terminal" drop constraint "terminal_office_id_foreign";`);
    this.addSql(`alter table "user_code" drop constraint "user_code_office_id_foreign";`);
    this.addSql(`alter table "user_code_share" drop constraint "user_code_share_office_id_foreign";`);
    this.addSql(`alter table "user_id" drop constraint "user_id_office_id_foreign";`);
    this.addSql(`alter table "application" drop constraint "application_provisional_account_id_foreign";`);
    this.addSql(`alter table "notification_template" drop constraint "notification_template_created_by_id_foreign";`);
    this.addSql(`alter table "application" drop constraint "application_assignee_id_foreign";`);
    this.addSql(`alter table "application_history" drop constraint "application_history_actor_id_foreign";`);
    this.addSql(`alter table "api_key" drop constraint "api_key_created_by_id_foreign";`);
    this.addSql(`alter table "audit_log" drop constraint "audit_log_staff_id_foreign";`);
    this.addSql(`alter table "outbound_email" drop constraint "outbound_email_application_id_foreign";`);
    this.addSql(`alter table "notice" drop constraint "notice_application_id_foreign";`);
    this.addSql(`alter table "mailbox" drop constraint "mailbox_issued_by_id_foreign";`);
    this.addSql(`alter table "line" drop constraint "line_issued_by_id_foreign";`);
    this.addSql(`alter table "attachment" drop constraint "attachment_application_id_foreign";`);
    this.addSql(`alter table "application_user_code" drop constraint "application_user_code_application_id_foreign";`);
    this.addSql(`alter table "application_terminal" drop constraint "application_terminal_application_id_foreign";`);
    this.addSql(`alter table "application_mailbox" drop constraint "application_mailbox_application_id_foreign";`);
    this.addSql(`alter table "application_line" drop constraint "application_line_application_id_foreign";`);
    this.addSql(`alter table "application_history" drop constraint "application_history_application_id_foreign";`);
    this.addSql(`alter table "application_change" drop constraint "application_change_application_id_foreign";`);
    this.addSql(`alter table "terminal" drop constraint "terminal_issued_by_id_foreign";`);
    this.addSql(`alter table "certificate" drop constraint "certificate_application_id_foreign";`);
    this.addSql(`alter table "user_code" drop constraint "user_code_issued_by_id_foreign";`);
    this.addSql(`alter table "user_id" drop constraint "user_id_issued_by_id_foreign";`);
    this.addSql(`alter table "terminal" drop constraint "terminal_line_id_foreign";`);
    this.addSql(`alter table "application_user_id" drop constraint "application_user_id_user_code_id_foreign";`);
    this.addSql(`alter table "audit_log" drop constraint "audit_log_api_key_id_foreign";`);
    this.addSql(`alter table "certificate" drop constraint "certificate_terminal_id_foreign";`);
    this.addSql(`alter table "user_code_share" drop constraint "user_code_share_user_code_id_foreign";`);
    this.addSql(`alter table "user_id" drop constraint "user_id_user_code_id_foreign";`);

    this.addSql(`drop table if exists "closure_day" cascade;`);
    this.addSql(`drop table if exists "company" cascade;`);
    this.addSql(`drop table if exists "office" cascade;`);
    this.addSql(`drop table if exists "provisional_account" cascade;`);
    this.addSql(`drop table if exists "receipt_counter" cascade;`);
    this.addSql(`drop table if exists "staff" cascade;`);
    this.addSql(`drop table if exists "notification_template" cascade;`);
    this.addSql(`drop table if exists "application" cascade;`);
    this.addSql(`drop table if exists "outbound_email" cascade;`);
    this.addSql(`drop table if exists "notice" cascade;`);
    this.addSql(`drop table if exists "mailbox" cascade;`);
    this.addSql(`drop table if exists "line" cascade;`);
    this.addSql(`drop table if exists "attachment" cascade;`);
    this.addSql(`drop table if exists "application_user_code" cascade;`);
    this.addSql(`drop table if exists "application_user_id" cascade;`);
    this.addSql(`drop table if exists "application_terminal" cascade;`);
    this.addSql(`drop table if exists "application_mailbox" cascade;`);
    this.addSql(`drop table if exists "application_line" cascade;`);
    this.addSql(`drop table if exists "application_history" cascade;`);
    this.addSql(`drop table if exists "application_change" cascade;`);
    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop table if exists "terminal" cascade;`);
    this.addSql(`drop table if exists "certificate" cascade;`);
    this.addSql(`drop table if exists "user_code" cascade;`);
    this.addSql(`drop table if exists "user_code_share" cascade;`);
    this.addSql(`drop table if exists "user_id" cascade;`);
  }

}

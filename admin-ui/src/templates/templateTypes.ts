/** The shapes of server/schema.graphql's notification types, as the console reads them. */

export interface TemplateVariable {
  name: string;
  /** string / date / boolean */
  type: string;
  required: boolean;
  description: string;
  sample: string;
}

export interface TemplateVersion {
  version: number;
  subject: string;
  text: string;
  html?: string | null;
  createdBy?: string | null;
  createdAt: string;
}

/** NotificationTemplateView, with react-admin's `id` (the event key). */
export interface NotificationTemplate {
  id: string;
  key: string;
  label: string;
  version: number;
  subject: string;
  text: string;
  html?: string | null;
  variables: TemplateVariable[];
  versions: TemplateVersion[];
}

/** A template as a save or a rollback returns it (without react-admin's id). */
export type ReturnedTemplate = Omit<NotificationTemplate, 'id'>;

export interface RenderedNotification {
  subject: string;
  text: string;
  html?: string | null;
  version?: number | null;
}

/** The three editable parts of a template (an empty html means "no HTML part"). */
export interface TemplateDraft {
  subject: string;
  text: string;
  html: string;
}

export type TemplatePart = keyof TemplateDraft;
export const TEMPLATE_PARTS: readonly TemplatePart[] = ['subject', 'text', 'html'];

export const draftOf = (t: Pick<TemplateVersion, 'subject' | 'text' | 'html'>): TemplateDraft => ({
  subject: t.subject,
  text: t.text,
  html: t.html ?? '',
});

export const sameDraft = (a: TemplateDraft, b: TemplateDraft): boolean =>
  a.subject === b.subject && a.text === b.text && a.html === b.html;

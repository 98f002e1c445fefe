/**
 * src/content/agency-names.json: the texts' short agency names → canonical
 * agencies (read by src/lib/agencies/normalize.ts). An id becomes part of a
 * URL (/agencies/<place code>-<id>/), so it is a slug; two entries with one id
 * would silently merge two agencies into one page, so ids are unique.
 * Messages speak to the editor of the file.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: 'ids are lower-case ASCII words joined by hyphens (they become URLs), e.g. weijian or gongan-changping.',
});
const name = (what: string) =>
  z
    .string()
    .min(1, { message: `${what} is empty.` })
    .refine((s) => s === s.trim() && !/\s/.test(s), {
      message: `${what} has spaces in it or around it; write the name exactly as the texts do, without spaces.`,
    });

export const agencyFormSchema = z.looseObject({
  /** Id of the agency kind, prefixed with the document's region code in URLs: weijian → datong-weijian. */
  id: slug,
  /** The full name after the region: 卫生健康委员会 (→ 大同市卫生健康委员会). */
  full: name('full'),
  /** Short forms as the texts write them after 市/区/省 (and 委): 卫健委, 卫生健康委. */
  forms: z
    .array(
      name('a form').refine((f) => f.length >= 2, {
        message: 'a form of one character would match too much; use at least two.',
      }),
    )
    .min(1, { message: 'forms lists the short names the texts use, e.g. ["卫健委", "卫生健康委"].' }),
});

export const agencyExactSchema = z.looseObject({
  /** The whole name as the texts write it, when it follows no pattern: 市公安局昌平分局. */
  name: name('name'),
  /** Id, prefixed with the region code in URLs. */
  id: slug,
  /** The canonical full name: 北京市公安局昌平分局. */
  full: name('full'),
});

// Loose objects: fields this schema does not know yet (a future rule of the agency loader) pass through to it.
export const agencyNamesSchema = z
  .looseObject({
    $comment: z.string().optional(),
    forms: z.array(agencyFormSchema, {
      message: 'forms is required: a list of { "id", "full", "forms": [...] } entries.',
    }),
    exact: z.array(agencyExactSchema).default([]),
    /**
     * Readable codes for places, keyed by the place's full path as the
     * documents' regions give it (山西省大同市, 北京市昌平区, 广东省). A place not
     * listed gets a code made from a hash of its path (stable, but not
     * readable); add it here to give its agencies readable URLs.
     */
    places: z.record(z.string().min(2), slug).default({}),
  })
  .superRefine((data, ctx) => {
    const ids = new Map<string, string>();
    const claim = (id: string, where: (string | number)[]) => {
      const prev = ids.get(id);
      if (prev)
        ctx.addIssue({
          code: 'custom',
          path: [...where, 'id'],
          message: `id "${id}" is already used by ${prev}; two entries with one id would merge two agencies into one page. Give this one its own id.`,
        });
      else ids.set(id, where.join('.'));
    };
    data.forms.forEach((f, i) => claim(f.id, ['forms', i]));
    data.exact.forEach((e, i) => claim(e.id, ['exact', i]));
    const forms = new Map<string, string>();
    data.forms.forEach((f, i) =>
      f.forms.forEach((form, j) => {
        const prev = forms.get(form);
        if (prev)
          ctx.addIssue({
            code: 'custom',
            path: ['forms', i, 'forms', j],
            message: `"${form}" is already a form of "${prev}"; a short name can stand for one agency only.`,
          });
        else forms.set(form, f.id);
      }),
    );
    const names = new Set<string>();
    data.exact.forEach((e, i) => {
      if (names.has(e.name))
        ctx.addIssue({
          code: 'custom',
          path: ['exact', i, 'name'],
          message: `"${e.name}" is listed twice under exact; keep one.`,
        });
      names.add(e.name);
    });
  });

export type AgencyNames = z.infer<typeof agencyNamesSchema>;

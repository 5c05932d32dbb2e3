import { z } from '@hono/zod-openapi';
import { podcastLicenses } from '../../domain/podcast-licenses.js';
import { COUNTRY_CODE, geoUriProblem, OSM_ID } from '../../domain/podcast-location.js';
import {
  isDateOnly,
  recurrenceRuleHasCount,
  recurrenceRuleProblem,
  recurrenceRuleUntil,
} from '../../domain/recurrence-rule.js';
import { httpUrl, text } from './common-schemas.js';

/*
 * The channel tags a show sets for Apple (itunes:block, itunes:complete) and Podcasting 2.0 apps
 * (podcast:license, podcast:location, podcast:podroll, podcast:updateFrequency), each checked
 * against its spec before it can reach a feed. The namespace asks for at most 128 characters of
 * text in each.
 */

const licenseIds = podcastLicenses.map((license) => license.id);

const licenseId = z
  .string()
  .superRefine((value, ctx) => {
    if (licenseIds.includes(value)) return;
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a license id zender knows (${licenseIds.join(', ')}); give another license as { "name", "url" }`,
      // The validation hook turns this into the unknown_license problem, which names the id.
      params: { problem: 'unknown_license', id: value },
    });
  })
  .openapi({ example: 'cc-by-4.0', enum: licenseIds });

const customLicense = z
  .object({ name: text(128).min(1), url: httpUrl })
  .strict()
  .openapi('CustomLicense', {
    example: { name: 'gemeente-open-1.0', url: 'https://www.gemeente.nl/podcastlicentie' },
  });

export const licenseSchema = z.union([licenseId, customLicense]).openapi('ShowLicense', {
  description:
    'podcast:license: a lower-case SPDX id from the list zender knows (written with its SPDX page as url), or a custom license with the URL of its legal text.',
  example: 'cc-by-4.0',
});

export const locationSchema = z
  .object({
    name: text(128).min(1),
    geo: z
      .string()
      .max(128)
      .superRefine((value, ctx) => {
        const problem = geoUriProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    osm: z
      .string()
      .regex(OSM_ID, 'an OpenStreetMap type letter (N, W or R) and id, such as R271110')
      .optional(),
    country: z
      .string()
      .regex(COUNTRY_CODE, 'a two-letter country code in lower case (ISO 3166-1), such as nl')
      .optional(),
  })
  .strict()
  .openapi('ShowLocation', {
    description: 'podcast:location: the place the show is about.',
    example: { name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110', country: 'nl' },
  });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const podrollEntry = z
  .object({
    feedGuid: z
      .string()
      .regex(GUID, 'the podcast:guid of the other show, such as 917393e3-1b1e-5cef-ace4-edaa54e1f810')
      .transform((guid) => guid.toLowerCase()),
    feedUrl: httpUrl.optional(),
    title: text(128).min(1).optional(),
  })
  .strict();

export const podrollSchema = z
  .array(podrollEntry)
  .max(50)
  .openapi({
    description: 'podcast:podroll: shows this one recommends, each by its podcast:guid.',
    example: [
      {
        feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
        feedUrl: 'https://feeds.podcastindex.org/pc20.xml',
        title: 'Podcasting 2.0',
      },
    ],
  });

const dtstart = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const updateFrequencySchema = z
  .object({
    text: text(128).min(1),
    rrule: z
      .string()
      .trim()
      .max(300)
      .transform((rule) => rule.toUpperCase())
      .superRefine((rule, ctx) => {
        const problem = recurrenceRuleProblem(rule);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    complete: z.boolean().optional(),
    dtstart: dtstart.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    // The namespace's two rules that tie dtstart to the rule.
    if (value.rrule && recurrenceRuleHasCount(value.rrule) && !value.dtstart)
      ctx.addIssue({ code: 'custom', path: ['dtstart'], message: 'a rule with COUNT needs a dtstart' });
    const until = value.rrule ? recurrenceRuleUntil(value.rrule) : null;
    if (until && value.dtstart && isDateOnly(until) !== isDateOnly(value.dtstart))
      ctx.addIssue({
        code: 'custom',
        path: ['dtstart'],
        message: 'dtstart must be a date when UNTIL is a date, and a date-time when UNTIL is one',
      });
  })
  .openapi('UpdateFrequency', {
    description: 'podcast:updateFrequency: the intended release schedule, as text and an RFC 5545 rule.',
    example: { text: 'Elke twee weken op maandag', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' },
  });

/** The fields of the show input. */
export const feedTagInputs = {
  license: licenseSchema.nullable().optional(),
  block: z.boolean().optional().openapi({
    description: 'itunes:block: true keeps the show out of Apple Podcasts (written as "Yes" only when true)',
  }),
  complete: z.boolean().optional().openapi({
    description: 'itunes:complete: true says no more episodes will come (written as "Yes" only when true)',
  }),
  location: locationSchema.nullable().optional(),
  podroll: podrollSchema.optional(),
  updateFrequency: updateFrequencySchema.nullable().optional(),
};

/** The same fields in a show answer. */
export const feedTagOutputs = {
  license: z.union([z.string(), z.object({ name: z.string(), url: z.string() })]).nullable(),
  block: z.boolean(),
  complete: z.boolean(),
  location: z
    .object({
      name: z.string(),
      geo: z.string().optional(),
      osm: z.string().optional(),
      country: z.string().optional(),
    })
    .nullable(),
  podroll: z.array(
    z.object({ feedGuid: z.string(), feedUrl: z.string().optional(), title: z.string().optional() }),
  ),
  updateFrequency: z
    .object({
      text: z.string(),
      rrule: z.string().optional(),
      complete: z.boolean().optional(),
      dtstart: z.string().optional(),
    })
    .nullable(),
};

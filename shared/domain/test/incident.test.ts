import { describe, expect, it } from 'vitest';
import { eventDateProblem, futureEventProblem, latestEventDay } from '../dates';
import { checkIncidentFields, newIncidentFields } from '../incident';

const valid = { ...newIncidentFields(20.84028, 42.9075, '2023-05-29'), title: 'Riot at the municipal building' };

function problemsOf(patch: Record<string, unknown>): Record<string, string> {
  const result = checkIncidentFields({ ...valid, ...patch });
  if (result.ok) return {};
  return Object.fromEntries(result.problems.map((p) => [p.field, p.message]));
}

describe('event dates', () => {
  it('accepts real days and local times', () => {
    for (const d of ['2023-05-29', '2024-02-29', '2023-09-24T03:15', '2000-02-29']) expect(eventDateProblem(d)).toBeNull();
  });
  it('refuses days that do not exist, with the reason', () => {
    expect(eventDateProblem('2023-02-29')).toBe('The date 2023-02-29 does not exist');
    expect(eventDateProblem('1900-02-29')).toBe('The date 1900-02-29 does not exist');
    expect(eventDateProblem('2023-13-01')).toBe('There is no month 13');
    expect(eventDateProblem('2023-04-31')).toBe('The date 2023-04-31 does not exist');
    expect(eventDateProblem('2023-05-29T24:00')).toBe('The time 24:00 does not exist');
    expect(eventDateProblem('29/05/2023')).toMatch(/YYYY-MM-DD/);
    expect(eventDateProblem('1850-01-01')).toMatch(/outside 1900–2100/);
  });
});

describe('dates in the future', () => {
  const noonUtc = Date.UTC(2026, 11, 2, 12, 0);
  it('allow today anywhere on Earth, and nothing after it', () => {
    expect(latestEventDay(noonUtc)).toBe('2026-12-03'); // already 3 December at UTC+14
    expect(latestEventDay(Date.UTC(2026, 11, 2, 9, 59))).toBe('2026-12-02');
    expect(futureEventProblem('2026-12-02T23:30', noonUtc)).toBeNull();
    expect(futureEventProblem('2026-12-03', noonUtc)).toBeNull();
    expect(futureEventProblem('2026-12-04', noonUtc)).toBe('The date 2026-12-04 is in the future; an incident records what has already happened');
  });
  it('are refused in an incident, with the reason next to the date', () => {
    expect(problemsOf({ occurred_at: '2099-01-01' }).occurred_at).toMatch(/2099-01-01 is in the future/);
  });
});

describe('incident fields', () => {
  it('accepts a complete incident', () => {
    expect(checkIncidentFields(valid)).toEqual({ ok: true, value: valid });
  });
  it('requires a title and a date', () => {
    expect(problemsOf({ title: '   ' }).title).toBe('Title is required');
    expect(problemsOf({ occurred_at: '' }).occurred_at).toBe('Date is required');
  });
  it('refuses impossible values field by field', () => {
    const p = problemsOf({ occurred_at: '2023-02-30', fatalities: -1, injured: 1.5, lat: 91, lon: Number.NaN, credibility: 7, reliability: 'G' });
    expect(p.occurred_at).toBe('The date 2023-02-30 does not exist');
    expect(p.fatalities).toBe('Fatalities cannot be negative');
    expect(p.injured).toBe('Injured must be a whole number');
    expect(p.lat).toBe('Latitude must be between -90 and 90');
    expect(p.lon).toMatch(/Longitude/);
    expect(p.credibility).toBe('Credibility must be 1–6');
    expect(p.reliability).toBe('Reliability must be A–F');
  });
  it('refuses a sub-event type of another event type', () => {
    expect(problemsOf({ event_type: 'Riots', sub_event_type: 'Grenade' }).sub_event_type).toMatch(/not a sub-event type of Riots/);
  });
  it('refuses huge text and multi-line single-line fields', () => {
    expect(problemsOf({ notes: 'x'.repeat(20_001) }).notes).toBe('Notes is longer than 20,000 characters');
    expect(problemsOf({ title: 'x'.repeat(201) }).title).toMatch(/longer than 200/);
    expect(problemsOf({ title: 'two\nlines' }).title).toMatch(/single line/);
  });
  it('accepts only http(s) source URLs', () => {
    expect(problemsOf({ source_url: 'javascript:alert(1)' }).source_url).toMatch(/http/);
    expect(problemsOf({ source_url: 'https://example.org/report?a=1&b=2' })).toEqual({});
  });
  it('keeps hostile text as data (validation is not where escaping happens)', () => {
    expect(problemsOf({ title: '<img src=x onerror=alert(1)>' })).toEqual({});
  });
});

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../shared/api/errors';
import { countNoun } from '../../shared/text/countNoun';
import { defaultUserDataDir, rendererDir, resourcesDir, appVersion } from '../paths';
import { createGeoService } from '../services/geoService';
import { writeDemoCase } from '../demo/demoCase';
import { inspectCaseFile } from '../store/inspectCaseFile';
import { openCase, openCaseReadOnly } from '../store/caseStore';
import { importCaseFileCommand } from './importCommand';
import { startWebHost } from '../webhost/server';
import { EXPORT_FORMATS, ExportFormatSchema } from '../../shared/exports/exportFormats';
import { readCaseRecords } from '../exports/caseRecords';
import { checkOutputPath, exportTarget } from '../exports/exportService';
import { REPORT_USAGE } from './reportArgs';
import { runReportCommand } from './reportCommand';
import { writeExport } from '../exports/writeExport';
import { zoneReport, formatZoneReport } from './zoneReport';

/** A failure the user caused or can fix: printed as one line, exit code `exitCode`. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const USAGE = `Usage: faultline <command> [options]

Commands:
  demo <out.gpkg>                 write the demo case to a new file
  stats <case.gpkg> [--json]      counts and date range of a case
  validate <file> [--json]        check that a file is a valid Faultline case
  import <case.gpkg> <other.gpkg> [--json] [--skip-invalid]
                                  merge a colleague's case file into a case
  zones <case.gpkg> [--json]      every zone with its area, coverage, incidents inside and
                                  distance to the Kosovo–Serbia boundary
  serve [case.gpkg] [--port N]    start the web host on 127.0.0.1 and print its URL
  export <case.gpkg> --format geojson|kml|kmz|csv --out <file> [--force] [--bom]
                                  write the case's incidents and zones for other tools;
                                  --bom begins a CSV with a byte-order mark, for Excel
${REPORT_USAGE}
  version                         print the version

Options:
  --force     replace an existing output file
  --json      machine-readable output
  -h, --help  this help
  -v, --version  the version`;

type Out = { json: boolean };

function print(out: Out, value: unknown, human: string): void {
  process.stdout.write(out.json ? JSON.stringify(value) + '\n' : human + '\n');
}

function needFile(arg: string | undefined, what: string): string {
  if (!arg) throw new CliError(`faultline: ${what} is missing (see faultline --help)`, 2);
  return resolve(arg);
}

/** Checks an output path; a file in the way is the user's to replace with --force. */
function outputPath(check: () => string): string {
  try {
    return check();
  } catch (err) {
    if (err instanceof ApiError && err.problems?.some((p) => p.field === 'overwrite')) {
      throw new CliError(`faultline: ${err.message.replace(/\.$/, '')}; add --force to replace it`);
    }
    throw err;
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      port: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      bom: { type: 'boolean', default: false },
      title: { type: 'string' },
      subtitle: { type: 'string' },
      author: { type: 'string' },
      organisation: { type: 'string' },
      marking: { type: 'string' },
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      types: { type: 'string' },
      area: { type: 'string' },
      fit: { type: 'string' },
      'min-grading': { type: 'string' },
      page: { type: 'string' },
      landscape: { type: 'boolean' },
      'no-inset': { type: 'boolean' },
      timeline: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const out: Out = { json: Boolean(values.json) };
  if (values.version && !command) {
    print(out, { version: appVersion() }, appVersion());
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return command || values.help ? 0 : 2;
  }
  // A word too many is most often a mistyped option or a path with a space: say so rather than
  // do something with half of what was meant.
  const arity: Record<string, number> = { version: 0, demo: 1, stats: 1, validate: 1, import: 2, export: 1, report: 1, zones: 1, serve: 1 };
  const most = arity[command];
  if (most !== undefined && rest.length > most) {
    throw new CliError(`faultline: ${command} takes ${most === 0 ? 'no file' : most === 1 ? 'one file' : `${most} files`}; “${rest[most]}” is one too many (quote a path that has spaces)`, 2);
  }

  switch (command) {
    case 'version':
      print(out, { version: appVersion() }, appVersion());
      return 0;

    case 'demo': {
      const target = needFile(rest[0], 'the output file');
      if (existsSync(target)) throw new CliError(`faultline: ${target} already exists; choose a new file name`);
      const geo = createGeoService(resourcesDir());
      writeDemoCase(target, { author: 'Faultline demo', lookup: geo.lookup, places: geo.places(), basemap: geo.basemap() });
      const info = openCaseReadOnly(target, (s) => s.info());
      print(out, { path: target, incidents: info.counts.incidents, zones: info.counts.zones }, `Wrote the demo case to ${target} (${info.counts.incidents} incidents)`);
      return 0;
    }

    case 'stats': {
      const target = needFile(rest[0], 'the case file');
      const info = openCaseReadOnly(target, (s) => s.info());
      const stats = { incidents: info.counts.incidents, zones: info.counts.zones, first: info.first, last: info.last };
      print(
        out,
        stats,
        `${info.name}\n  incidents: ${stats.incidents}\n  zones:     ${stats.zones}\n  dates:     ${stats.first ?? '–'} to ${stats.last ?? '–'}`,
      );
      return 0;
    }

    case 'validate': {
      const target = needFile(rest[0], 'the file to check');
      const result = inspectCaseFile(target);
      if (!result.ok) {
        if (out.json) print(out, { valid: false, problem: result.problem, message: result.message }, '');
        throw new CliError(`faultline: ${result.message}`);
      }
      print(out, { valid: true, ...result.info }, `${target}: valid Faultline case “${result.info.name}” (schema ${result.info.schemaVersion}, ${result.info.incidents} incidents, ${result.info.zones} zones)`);
      return 0;
    }

    case 'import': {
      const target = needFile(rest[0], 'the case to import into');
      const other = needFile(rest[1], 'the case file to import');
      const result = await importCaseFileCommand({
        target,
        other,
        importValidPart: Boolean(values['skip-invalid']),
        userDataDir: defaultUserDataDir(),
        openCase,
      });
      print(out, result.counts, result.summary);
      return 0;
    }

    case 'export': {
      const source = needFile(rest[0], 'the case file');
      const format = ExportFormatSchema.safeParse(values.format);
      if (!format.success) throw new CliError(`faultline: --format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}`, 2);
      const target = outputPath(() => exportTarget(needFile(values.out, 'the output file (--out)'), format.data, { overwrite: Boolean(values.force), openCase: source }));
      if (values.bom && format.data !== 'csv') throw new CliError('faultline: --bom is for --format csv only', 2);
      const result = writeExport(openCaseReadOnly(source, readCaseRecords), format.data, target, { byteOrderMark: Boolean(values.bom) });
      const what = format.data === 'csv' ? countNoun(result.incidents, 'incident') : `${countNoun(result.incidents, 'incident')} and ${countNoun(result.zones, 'zone')}`;
      print(out, result, `Wrote ${what} to ${result.path}`);
      return 0;
    }

    case 'report': {
      const source = needFile(rest[0], 'the case file');
      const out_ = values.out;
      const written = await runReportCommand(source, values, () =>
        outputPath(() => checkOutputPath(needFile(out_, 'the output file (--out)'), '.pdf', { overwrite: Boolean(values.force), openCase: source })),
      );
      print(out, written, `Wrote a ${written.pages}-page report (${countNoun(written.incidents, 'incident')}, ${countNoun(written.zones, 'zone')}) to ${written.path}`);
      return 0;
    }

    case 'zones': {
      const target = needFile(rest[0], 'the case file');
      const geo = createGeoService(resourcesDir());
      const report = openCaseReadOnly(target, (store) => zoneReport(store, geo.basemap()));
      print(out, report, formatZoneReport(report));
      return 0;
    }

    case 'serve': {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`faultline: --port must be a number from 0 to 65535`, 2);
      const host = await startWebHost({
        port,
        casePath: rest[0] ? resolve(rest[0]) : undefined,
        userDataDir: defaultUserDataDir(),
        resourcesDir: resourcesDir(),
        rendererDir: rendererDir(),
        log: (m, e) => process.stderr.write(`${m}${e ? `: ${e instanceof Error ? e.message : String(e)}` : ''}\n`),
      }).catch((err: unknown) => {
        const code = (err as NodeJS.ErrnoException | null)?.code;
        if (code === 'EADDRINUSE') throw new CliError(`faultline: port ${port} is already in use on 127.0.0.1; choose another with --port, or leave it out to take a free one`);
        if (code === 'EACCES') throw new CliError(`faultline: port ${port} may not be opened by this user; choose one above 1023 with --port`);
        throw err;
      });
      print(out, { url: host.url, port: host.port }, `Faultline is running at ${host.url}\nOpen that address in Chromium or Chrome. Press Ctrl+C to stop.`);
      const stop = () => {
        host.close().finally(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return new Promise<number>(() => {}); // runs until stopped
    }

    default:
      throw new CliError(`faultline: unknown command “${command}” (see faultline --help)`, 2);
  }
}

/** Entry point: every failure is one line on stderr and a non-zero exit, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (err) {
    if (err instanceof CliError) {
      if (err.message) process.stderr.write(err.message + '\n');
      process.exitCode = err.exitCode;
    } else if (err instanceof ApiError) {
      process.stderr.write(`faultline: ${err.message}\n`);
      process.exitCode = 1;
    } else if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`faultline: ${err.message} (see faultline --help)\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`faultline: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      if (process.env.FAULTLINE_DEBUG) console.error(err);
      process.exitCode = 70;
    }
  }
}

import { m001 } from "./migrations/001-settings";
import { m002 } from "./migrations/002-models";
import { m003 } from "./migrations/003-knowledge";
import { m004 } from "./migrations/004-assistant";
import { m005 } from "./migrations/005-packs";
import { m006 } from "./migrations/006-ocr";
import { m007 } from "./migrations/007-extractor-version";
import { m008 } from "./migrations/008-hardening";
import { m009 } from "./migrations/009-drafts";
import { m010 } from "./migrations/010-desk";
import { m011 } from "./migrations/011-speed";

/**
 * Numbered schema migrations, one file each in migrations/. Append only:
 * never edit a migration that has shipped; add the next number instead.
 * Each runs inside one transaction with the version bump, so a crash leaves
 * the database at the old or the new version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

// Reader-view settings in storage.sync: a versioned schema, so an extension update keeps what
// the user chose. Loaded as a classic script by the reader page (and by node tests through
// `vm`, since `migrate` is a pure function: stored value in, settings and notes out).
//
// Schema history:
//   1 (unversioned, Sift 0.1): `readerSettings = {theme, font, size, width, lineHeight, toc}`,
//     written straight from the form, so numbers may have been strings ("19", "19px").
//   2 (this version): the same fields, validated and normalised, plus `version: 2`.
// A value that cannot be read (wrong type, out of range, unknown choice) is replaced by its
// default and the replacement is reported as a note (the reader logs them with console.info).
(() => {
  // Own property only: a page element with id="SiftSettings" must not pass for this script.
  if (Object.hasOwn(globalThis, 'SiftSettings')) return;

  /** storage.sync key (unchanged since schema 1, so old values are found). */
  const KEY = 'readerSettings';
  /** The schema this code writes. */
  const VERSION = 2;
  const DEFAULTS = Object.freeze({ theme: 'system', font: 'serif', size: 19, width: 68, lineHeight: 1.65, toc: true });
  /** Allowed values; numeric ranges match the reader's range inputs (reader.html). */
  const CHOICES = Object.freeze({ theme: ['light', 'sepia', 'dark', 'system'], font: ['serif', 'sans', 'mono'] });
  const RANGES = Object.freeze({ size: [14, 28], width: [46, 90], lineHeight: [1.3, 2.1] });

  /** A number from a number or a numeric string with an optional unit ("19", "19px", "68ch"). */
  function toNumber(v) {
    if (typeof v === 'number') return v;
    if (typeof v !== 'string') return NaN;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(px|ch|em)?\s*$/i.exec(v);
    return m ? Number(m[1]) : NaN;
  }

  /** Schema 1 -> 2: the fields stay, their values are normalised by `validate`. */
  function from1(old) {
    const out = {};
    for (const k of Object.keys(DEFAULTS)) if (Object.hasOwn(old, k)) out[k] = old[k];
    return out;
  }

  /** Migrations from version N to N+1, applied in order. */
  const MIGRATIONS = Object.freeze({ 1: from1 });

  /** Every field valid: a stored value if it can be read, else the default (with a note). */
  function validate(raw, notes) {
    const s = { ...DEFAULTS };
    for (const [k, def] of Object.entries(DEFAULTS)) {
      if (!Object.hasOwn(raw, k)) continue;
      const v = raw[k];
      if (CHOICES[k]) {
        if (CHOICES[k].includes(v)) s[k] = v;
        else notes.push(`${k}: ${JSON.stringify(v)} is not one of ${CHOICES[k].join('/')}, using ${JSON.stringify(def)}`);
      } else if (RANGES[k]) {
        const n = toNumber(v);
        const [lo, hi] = RANGES[k];
        if (Number.isFinite(n) && n >= lo && n <= hi) {
          s[k] = n;
          if (typeof v !== 'number') notes.push(`${k}: ${JSON.stringify(v)} read as ${n}`);
        } else notes.push(`${k}: ${JSON.stringify(v)} is not a number in ${lo}-${hi}, using ${def}`);
      } else if (typeof def === 'boolean') {
        if (typeof v === 'boolean') s[k] = v;
        else notes.push(`${k}: ${JSON.stringify(v)} is not true/false, using ${def}`);
      }
    }
    for (const k of Object.keys(raw)) {
      if (k !== 'version' && !Object.hasOwn(DEFAULTS, k)) notes.push(`${k}: unknown setting dropped`);
    }
    return s;
  }

  /**
   * migrate(stored) -> { settings, notes, changed }
   * `stored` is whatever storage held under KEY (undefined, garbage, any schema version).
   * `settings` is complete and valid for this version (without the `version` field);
   * `changed` says whether the stored value should be rewritten.
   */
  function migrate(stored) {
    const notes = [];
    if (stored === undefined || stored === null) return { settings: { ...DEFAULTS }, notes, changed: false };
    if (typeof stored !== 'object' || Array.isArray(stored)) {
      notes.push(`stored settings are not an object (${Array.isArray(stored) ? 'array' : typeof stored}), using defaults`);
      return { settings: { ...DEFAULTS }, notes, changed: true };
    }
    let version = Object.hasOwn(stored, 'version') ? stored.version : 1;
    if (!Number.isInteger(version) || version < 1) {
      notes.push(`unknown settings version ${JSON.stringify(version)}, read as version 1`);
      version = 1;
    }
    let raw = { ...stored };
    delete raw.version;
    if (version > VERSION) {
      notes.push(`settings version ${version} is newer than this Sift (${VERSION}): keeping the fields it knows`);
    }
    for (let v = version; v < VERSION; v++) {
      raw = MIGRATIONS[v](raw);
      notes.push(`migrated settings from version ${v} to ${v + 1}`);
    }
    const settings = validate(raw, notes);
    return { settings, notes, changed: version !== VERSION || notes.length > 0 };
  }

  /** The value written to storage. */
  function stored(settings) {
    return { version: VERSION, ...settings };
  }

  /** Reads, migrates (writing the result back when it changed) and returns the settings. */
  async function load(api) {
    const got = await api.storage.sync.get(KEY);
    const { settings, notes, changed } = migrate(got[KEY]);
    for (const n of notes) console.info('sift: settings:', n);
    if (changed) {
      await api.storage.sync.set({ [KEY]: stored(settings) }).catch((err) => console.warn('sift: cannot save settings', err));
    }
    return settings;
  }

  /** Validates and writes the settings; returns what was written (without `version`). */
  async function save(api, settings) {
    const notes = [];
    const clean = validate(settings, notes);
    for (const n of notes) console.info('sift: settings:', n);
    await api.storage.sync.set({ [KEY]: stored(clean) });
    return clean;
  }

  globalThis.SiftSettings = Object.freeze({ KEY, VERSION, DEFAULTS, CHOICES, RANGES, migrate, load, save });
})();

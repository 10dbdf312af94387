import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckResult, Draft, DraftCitation, DraftListItem, Finding } from "../../../../electron/common/contracts/drafting";
import type { KindInfo } from "../../../../electron/common/contracts/doc-kinds";
import { applyFindingToSpec } from "../../../../electron/common/drafting/fix";
import { api } from "../../api";
import { emptyForm, fromSpec, toSpec, type DraftForm } from "./form";

/** How long the form waits after the last keystroke before saving. */
const AUTOSAVE_MS = 1500;

/**
 * State of the 写作 screen: the kinds, the history of drafts (searchable),
 * the open draft's form (saved automatically a moment after each change, so
 * nothing typed is lost), and the last check of it.
 */
export function useDraft() {
  const [kinds, setKinds] = useState<KindInfo[]>([]);
  const [list, setList] = useState<DraftListItem[]>([]);
  const [query, setQuery] = useState("");
  const [id, setId] = useState<number | null>(null);
  const [form, setFormState] = useState<DraftForm>(emptyForm());
  const [citations, setCitations] = useState<DraftCitation[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ id, form, dirty });
  latest.current = { id, form, dirty };

  const reloadList = useCallback(async () => {
    setList(await api.call("drafting.drafts.list", query.trim() ? { query } : {}));
  }, [query]);

  useEffect(() => {
    api.call("drafting.kinds", {}).then(setKinds, () => setKinds([]));
  }, []);
  useEffect(() => {
    void reloadList().catch(() => {});
  }, [reloadList]);

  const save = useCallback(async (): Promise<Draft | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { id: current, form: f } = latest.current;
    if (!f.issuer.trim()) return null;
    setSaving(true);
    try {
      const saved = await api.call("drafting.drafts.save", { ...(current !== null ? { id: current } : {}), spec: toSpec(f) });
      setId(saved.id);
      if (latest.current.form === f) setDirty(false);
      await reloadList();
      return saved;
    } finally {
      setSaving(false);
    }
  }, [reloadList]);

  const setForm = useCallback(
    (next: DraftForm | ((f: DraftForm) => DraftForm)) => {
      setFormState((f) => (typeof next === "function" ? next(f) : next));
      setDirty(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save().catch(() => {}), AUTOSAVE_MS);
    },
    [save],
  );

  const load = useCallback((d: Draft | null) => {
    if (timer.current) clearTimeout(timer.current);
    setId(d?.id ?? null);
    setFormState(d ? fromSpec(d.spec) : emptyForm(latest.current.form.kind));
    setCitations(d?.citations ?? []);
    setDirty(false);
    setCheck(null);
  }, []);

  const open = useCallback(
    async (draftId: number | null) => {
      if (latest.current.dirty) await save().catch(() => {});
      load(draftId === null ? null : await api.call("drafting.drafts.get", { id: draftId }));
    },
    [load, save],
  );

  const remove = useCallback(
    async (draftId: number) => {
      await api.call("drafting.drafts.delete", { id: draftId });
      if (draftId === latest.current.id) load(null);
      await reloadList();
    },
    [load, reloadList],
  );

  const runCheck = useCallback(async () => {
    const r = await api.call("drafting.check", { source: { spec: toSpec(latest.current.form) } });
    setCheck(r);
    return r;
  }, []);

  /** Writes a finding's suggestion into the form and checks again; false when it cannot be applied. */
  const fix = useCallback(
    async (f: Finding): Promise<boolean> => {
      if (!check?.segments) return false;
      const next = applyFindingToSpec(toSpec(latest.current.form), check.text, check.segments, f);
      if (!next) return false;
      const nextForm = { ...fromSpec(next), points: latest.current.form.points, attachmentBodies: latest.current.form.attachmentBodies };
      latest.current = { ...latest.current, form: nextForm };
      setForm(nextForm);
      await runCheck();
      return true;
    },
    [check, runCheck, setForm],
  );

  return { kinds, list, query, setQuery, id, form, setForm, citations, dirty, saving, save, open, load, remove, check, runCheck, fix, reloadList };
}

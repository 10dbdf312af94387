import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DraftSpec } from "../../../common/contracts/drafting";
import { openStore, type Store } from "../../store/open-store";
import { tempDir } from "../../testing/temp-dir";
import { DraftsRepo } from "./drafts-repo";

let store: Store;
let cleanup: () => void;
let clock = 1000;
let repo: DraftsRepo;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = openStore(join(t.dir, "data"));
  repo = new DraftsRepo(store.db, () => ++clock);
});
afterAll(() => {
  store.close();
  cleanup();
});

const spec = (s: object) => DraftSpec.parse({ kind: "通知", issuer: "XX市人民政府", ...s });

describe("drafts, saved like conversations", () => {
  it("creates, lists newest first, searches titles and text, reopens, updates, deletes", () => {
    const a = repo.save({ spec: spec({ subject: "加强采购管理", body: "各单位须审批。" }) });
    const b = repo.save({ spec: spec({ title: "XX市人民政府关于开展安全检查的通知", body: "开展一次安全检查。" }) });
    expect(a.title).toBe("XX市人民政府关于加强采购管理的通知");
    expect(a.method).toBe("manual");
    expect(repo.list().map((d) => d.id)).toEqual([b.id, a.id]);
    expect(repo.list("审批").map((d) => d.id)).toEqual([a.id]);
    expect(repo.list("安全检查").map((d) => d.id)).toEqual([b.id]);
    expect(repo.list("100%_").length).toBe(0);
    const changed = repo.save({ id: a.id, spec: spec({ subject: "加强采购管理", body: "各单位须审批。\n二、加强检查" }) });
    expect(changed.spec.body).toContain("加强检查");
    expect(changed.createdAt).toBe(a.createdAt);
    expect(repo.list()[0]!.id).toBe(a.id);
    expect(repo.get(b.id).spec.title).toBe("XX市人民政府关于开展安全检查的通知");
    expect(repo.delete(b.id)).toBe(true);
    expect(repo.delete(b.id)).toBe(false);
    expect(() => repo.get(b.id)).toThrow(/找不到编号为/);
  });

  it("keeps a model draft's citations and method when the user edits it", () => {
    const citation = { n: 1, documentId: 3, chunkId: 7, path: "/kb/a.pdf", title: "《采购办法》", docNumber: "X政发〔2015〕44号", page: 2, snippet: "采购须审批" };
    const d = repo.save({ spec: spec({ subject: "采购" }), citations: [citation], method: "llm", model: "tiny" });
    const edited = repo.save({ id: d.id, spec: spec({ subject: "采购", body: "改过了。" }) });
    expect([edited.method, edited.model, edited.citations]).toEqual(["llm", "tiny", [citation]]);
  });
});

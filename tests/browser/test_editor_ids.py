"""Two records saved at the same moment never get the same id (issue 17 point 2): the records
editor's own script (generator/assets/admin/candour-admin.js) run in Chromium, with a stand-in for
Decap CMS and its backend that take a little time over each request, as a real backend does.

Saved together in one page, two new complaints get C-2023-0007 and C-2023-0008. When another
officer's record takes C-2023-0007 between this record being given it and being written, the save
is refused with a message saying what to do, nothing is written over, and saving again gives
C-2023-0008. The existing records are the stand-in's: C-2023-0001 to C-2023-0006.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from generator.cms.admin import SCRIPT

pytestmark = pytest.mark.browser

SITE = "http://editor.test/admin/"
NAMING = {"collections": {
    "cases-2023-24": {"folder": "records/cases/2023-24", "prefix": "C-2023-", "digits": 4},
    "history": {"folder": "records/history", "prefix": "HIST-", "from": "year"}}}

# Decap as the script meets it: CMS.getBackend(name).init() gives the backend, whose listings and
# writes each take 30 ms; preSave listeners get an entry whose data is an immutable map.
STAND_IN = """
window.store = {files: [1, 2, 3, 4, 5, 6].map((n) => `records/cases/2023-24/C-2023-000${n}.yaml`)
                  .concat(['records/history/HIST-2017-18.yaml']), proposed: [], written: []};
const pause = () => new Promise((resolve) => setTimeout(resolve, 30));
class Values {
  constructor(entries) { this.entries = new Map(entries); }
  forEach(each) { this.entries.forEach((value, key) => each(value, key)); }
  get(key) { return this.entries.get(key); }
  set(key, value) { const next = new Values(this.entries); next.entries.set(key, value); return next; }
  delete(key) { const next = new Values(this.entries); next.entries.delete(key); return next; }
}
const listeners = [];
const decapBackend = {
  async entriesByFolder(folder) {
    await pause();
    return store.files.filter((path) => path.startsWith(folder + '/')).map((path) => ({file: {path}}));
  },
  async unpublishedEntries() { await pause(); return store.proposed; },
  async persistEntry(entry, options) {
    await pause();
    const file = entry.dataFiles[0];
    store.written.push(file.path);
    store.proposed.push(options.collectionName + '/' + file.slug);  // a branch, not yet on main
  },
};
window.CMS = {
  getBackend(name) { return name === 'proxy' ? this.proxy : undefined; },
  proxy: {init: () => decapBackend},
  registerEventListener(listener) { listeners.push(listener); },
};
// What Decap does when an officer presses Save on a new record: preSave, then persistEntry.
window.giveId = async (summary, collection = 'cases-2023-24', values = [['kind', 'complaint']]) => {
  const entry = {get: (key) => ({newRecord: true, raw: '', collection,
                                 data: new Values([...values, ['summary', summary]])})[key]};
  const data = await listeners.find((l) => l.name === 'preSave').handler({entry});
  return data.get('id');
};
window.write = (id) => window.backend.persistEntry(
  {dataFiles: [{slug: id.toLowerCase(), path: `records/cases/2023-24/${id.toLowerCase()}.yaml`}]},
  {newEntry: true, collectionName: 'cases-2023-24'});
window.save = async (summary) => window.write(await window.giveId(summary));
"""
PAGE = f"""<!doctype html><html lang="en"><head><title>Records editor</title>
<script>{STAND_IN}</script><script src="candour-admin.js"></script>
<script>window.backend = CMS.getBackend('proxy').init();</script></head><body></body></html>"""


@pytest.fixture
def editor_page(chromium) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = chromium.new_context()
    files = {"": (PAGE, "text/html"),
             "candour-admin.js": (SCRIPT.read_text(encoding="utf-8"), "text/javascript"),
             "candour.json": (json.dumps(NAMING), "application/json")}

    def answer(route) -> None:  # type: ignore[no-untyped-def]
        body, kind = files[route.request.url.removeprefix(SITE)]
        route.fulfill(status=200, body=body, content_type=kind)

    context.route(SITE + "**", answer)
    context.route(lambda url: not url.startswith(SITE), lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto(SITE)
        yield page
    finally:
        context.close()


def test_two_records_saved_together_in_one_page_get_different_ids(editor_page) -> None:  # type: ignore[no-untyped-def]
    editor_page.evaluate("() => Promise.all([save('Missed visit.'), save('Late reply.')])")
    written = editor_page.evaluate("() => store.written")
    assert sorted(written) == [
        "records/cases/2023-24/C-2023-0007.yaml", "records/cases/2023-24/C-2023-0008.yaml"]


def test_an_id_another_officer_took_meanwhile_is_refused_and_saving_again_gives_the_next(
    editor_page,  # type: ignore[no-untyped-def]
) -> None:
    refused = editor_page.evaluate("""async () => {
      const id = await giveId('Missed visit.');
      store.proposed.push('cases-2023-24/c-2023-0007');  // another officer's, saved a moment earlier
      try { await write(id); return {id, refused: null}; }
      catch (error) { return {id, refused: error.message}; }
    }""")
    assert refused == {"id": "C-2023-0007", "refused": (
        "C-2023-0007 was taken a moment ago by another record saved in the editor. Nothing was saved: "
        "press Save again, and this record gets the next free number.")}
    assert editor_page.evaluate("() => store.written") == []  # the other officer's record is untouched
    editor_page.evaluate("() => save('Missed visit.')")
    assert editor_page.evaluate("() => store.written") == ["records/cases/2023-24/C-2023-0008.yaml"]


def test_a_history_record_is_named_by_its_year_and_a_second_for_a_year_is_refused(
    editor_page,  # type: ignore[no-untyped-def]
) -> None:
    named = editor_page.evaluate("() => giveId('', 'history', [['year', '2018-19'], ['source', 'Report']])")
    assert named == "HIST-2018-19"
    refused = editor_page.evaluate("""() => giveId('', 'history', [['year', '2017-18']])
      .then(() => null, (error) => error.message)""")
    assert refused == ("There is already a record HIST-2017-18 for 2017-18: open it from the list to correct "
                       "it, rather than adding a second.")

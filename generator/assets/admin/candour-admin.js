/* Candour's additions to Decap CMS, loaded by admin/index.html right after Decap's own bundle.
 *
 * 1. A new record gets the id `candour new` would give it: the next free number of the year,
 *    counting the records in the year's folder and those proposed but not yet merged (the
 *    editorial workflow's branches), and its file is named by that id. Decap cannot do this by
 *    itself: it names a new file from a slug it always lower-cases (c-2019-0007.yaml), which
 *    validate refuses. So the preSave event gives the record its id, and the backend (Decap's
 *    own, wrapped here) writes the file under that id, in upper case.
 *    Two records saved at the same moment never get the same id: in one page, each id given is
 *    held (`given`) until its record is written, and the next record gets the number after it;
 *    and just before a new record is written the id is looked for once more among the year's
 *    files and proposed records, so that one another officer took a moment earlier is refused
 *    with a message saying to save again (which gives the next free id), never written over.
 * 2. Values the form makes for optional fields nobody filled in (empty text, an untouched date,
 *    `case_study: {publish: false}`) are left out of the record, as `candour new` leaves them.
 *
 * A history record is named by its year instead (HIST-2017-18), one a year.
 *
 * What the ids and folders are comes from candour.json, written by the build beside config.yml.
 */
(function () {
  "use strict";

  const naming = fetch("candour.json", { cache: "no-store" }).then(function (response) {
    if (!response.ok) {
      throw new Error("candour.json could not be read (" + response.status + "): rebuild the site");
    }
    return response.json();
  });

  let backend = null; // the backend Decap is using: the one that lists the records
  const named = {}; // 'collection/lower-cased slug' -> the id the record was given
  const given = {}; // collection -> the ids given in this page to records not yet written

  // -- the backend: Decap's, writing a new record's file under its id -----------------------------

  function wrap(name) {
    const registered = CMS.getBackend(name);
    if (!registered || registered.candour) {
      return;
    }
    const init = registered.init;
    registered.init = function () {
      const implementation = init.apply(this, arguments);
      const persist = implementation.persistEntry.bind(implementation);
      implementation.persistEntry = async function (entry, options) {
        if (!(options && options.newEntry)) {
          return persist(entry, options);
        }
        const collection = options.collectionName;
        const ids = [];
        entry.dataFiles.forEach(function (file) {
          const id = named[collection + "/" + file.slug];
          if (id) {
            file.path = file.path.slice(0, file.path.lastIndexOf("/") + 1) + id + ".yaml";
            ids.push(id);
          }
        });
        try {
          for (const id of ids) {
            await refuseIfTaken(collection, id);
          }
          return await persist(entry, options);
        } finally {
          ids.forEach(function (id) { release(collection, id); });
        }
      };
      backend = implementation;
      return implementation;
    };
    registered.candour = true;
  }

  // The GitHub backend on the published site; 'proxy' is Decap's local backend (make edit).
  ["github", "proxy"].forEach(wrap);

  // -- the next free id -------------------------------------------------------------------------

  function stem(path) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    return name.replace(/\.ya?ml$/, "");
  }

  async function filesInFolder(folder) {
    if (backend.api && typeof backend.api.listFiles === "function") {
      // GitHub: the names alone, in one request, rather than every file's text.
      const files = await backend.api.listFiles(folder, { depth: 1 });
      return files.map(function (file) { return file.path; });
    }
    const entries = await backend.entriesByFolder(folder, "yaml", 1);
    return entries.map(function (entry) { return entry.file.path; });
  }

  async function proposedSlugs(collection) {
    if (typeof backend.unpublishedEntries !== "function") {
      return [];
    }
    const keys = await backend.unpublishedEntries();
    const prefix = collection + "/";
    return keys
      .map(function (key) { return typeof key === "string" ? key : key.id || ""; })
      .filter(function (key) { return key.startsWith(prefix); })
      .map(function (key) { return key.slice(prefix.length); });
  }

  async function usedIds(collection, rule) {
    return (await filesInFolder(rule.folder)).map(stem).concat(await proposedSlugs(collection))
      .map(function (id) { return id.toUpperCase(); });
  }

  async function nextId(collection, rule) {
    if (!backend) {
      throw new Error("the editor has no backend yet; reload the page");
    }
    const used = (await usedIds(collection, rule)).concat(given[collection] || []);
    let highest = 0;
    used.forEach(function (id) {
      const upper = id.toUpperCase();
      if (upper.startsWith(rule.prefix)) {
        const rest = upper.slice(rule.prefix.length);
        if (/^\d+$/.test(rest)) {
          highest = Math.max(highest, parseInt(rest, 10));
        }
      }
    });
    return rule.prefix + String(highest + 1).padStart(rule.digits, "0");
  }

  // Ids are given one at a time in a page, so two saves at the same moment cannot both count the
  // same records and take the same number.
  let giving = Promise.resolve();
  function giveId(collection, rule) {
    const turn = giving.then(async function () {
      const id = await nextId(collection, rule);
      (given[collection] = given[collection] || []).push(id);
      return id;
    });
    giving = turn.catch(function () {});
    return turn;
  }

  function release(collection, id) {
    given[collection] = (given[collection] || []).filter(function (each) { return each !== id; });
  }

  // Another officer's record, saved since this one was given its id, may have taken it.
  async function refuseIfTaken(collection, id) {
    const rule = (await naming).collections[collection];
    if (!rule || (await usedIds(collection, rule)).indexOf(id) === -1) {
      return;
    }
    delete named[collection + "/" + id.toLowerCase()];
    throw new Error(id + " was taken a moment ago by another record saved in the editor. Nothing " +
      "was saved: press Save again, and this record gets the next free number.");
  }

  // A record named by one of its values (a history record by its year: HIST-2017-18), of which
  // there is one at most: a second is refused, and the first is the one to correct.
  async function idFrom(collection, rule, value) {
    if (!value) {
      throw new Error("Give the " + rule.from + " first: the record is named by it.");
    }
    const id = rule.prefix + String(value);
    if ((await usedIds(collection, rule)).indexOf(id.toUpperCase()) !== -1) {
      throw new Error("There is already a record " + id + " for " + value + ": open it from the list " +
        "to correct it, rather than adding a second.");
    }
    named[collection + "/" + id.toLowerCase()] = id;
    return id;
  }

  // -- leaving out what nobody filled in --------------------------------------------------------

  function isCollection(value) {
    return value !== null && typeof value === "object" && typeof value.toJS === "function";
  }

  function isList(value) {
    return isCollection(value) && typeof value.push === "function";
  }

  // `fresh`: the field is not in the file yet, so an empty list or section is left out whole.
  function tidied(value, fresh) {
    if (value === null || value === undefined || value === "") {
      return undefined;
    }
    if (!isCollection(value)) {
      return value;
    }
    const kept = value
      .map(function (each) { return tidied(each, fresh); })
      .filter(function (each) { return each !== undefined; });
    if (fresh && kept.size === 0) {
      return undefined;
    }
    if (fresh && !isList(kept) && kept.every(function (each) { return each === false; })) {
      return undefined; // such as case_study: {publish: false}
    }
    return kept;
  }

  function inFile(raw, key) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp("^" + escaped + "\\s*:", "m").test(raw || "");
  }

  function tidy(data, raw) {
    let kept = data;
    data.forEach(function (value, key) {
      const tidiedValue = tidied(value, !inFile(raw, key));
      kept = tidiedValue === undefined ? kept.delete(key) : kept.set(key, tidiedValue);
    });
    return kept;
  }

  // -- before every save ------------------------------------------------------------------------

  CMS.registerEventListener({
    name: "preSave",
    handler: async function (event) {
      const entry = event.entry;
      const isNew = Boolean(entry.get("newRecord"));
      let data = tidy(entry.get("data"), isNew ? "" : entry.get("raw"));
      if (!isNew) {
        return data;
      }
      const collection = entry.get("collection");
      const rule = (await naming).collections[collection];
      if (!rule) {
        return data;
      }
      if (rule.from) {
        return data.set("id", await idFrom(collection, rule, data.get(rule.from)));
      }
      const id = await giveId(collection, rule);
      named[collection + "/" + id.toLowerCase()] = id;
      return data.set("id", id);
    },
  });
})();

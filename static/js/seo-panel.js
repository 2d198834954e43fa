// Keeps the article editor's SEO panel in step with the form, by the rules of articles/seo.py:
// title tag = (SEO title or title) + " · " + site name; description = meta description, else
// the intro's first words. Duplicate titles are checked by the server as the editor types.
const startSeoPanel = () => {
  const panel = document.querySelector("[data-seo-panel]");
  if (!panel) return;
  const field = (name) => document.getElementById(`id_${name}`);
  const value = (name) => (field(name)?.value || "").trim();
  const squash = (text) => text.split(/\s+/).filter(Boolean);
  const {
    siteName, titleLimit, descriptionLimit, fallbackWords, checkUrl, pageId, addressBase, drawnCover,
    coverPreviewUrl,
    titleCounter, descriptionCounter,
  } = panel.dataset;
  const cut = (text, limit) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
  const out = (name) => panel.querySelectorAll(`[data-out="${name}"]`);
  const warning = (name) => panel.querySelector(`[data-warning="${name}"]`);

  // A counter under each field the panel counts, read out when it changes.
  const counters = {};
  // The counters' words come translated from the template ("… {length} of about 60 …").
  for (const [name, limit, words] of [
    ["seo_title", titleLimit, titleCounter], ["search_description", descriptionLimit, descriptionCounter],
  ]) {
    const input = field(name);
    if (!input) continue;
    const counter = document.createElement("p");
    counter.className = "seo-count";
    counter.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", counter);
    counters[name] = { counter, limit: Number(limit), words };
  }
  const count = (name, length) => {
    const entry = counters[name];
    if (!entry) return;
    entry.counter.textContent = entry.words.replace("{length}", length);
    entry.counter.classList.toggle("seo-count--over", length > entry.limit);
  };

  const description = () => {
    const own = value("search_description");
    if (own) return own;
    const words = squash(value("intro"));
    const limit = Number(fallbackWords);
    return words.length > limit ? `${words.slice(0, limit).join(" ")} …` : words.join(" ");
  };

  let checkTimer;
  const checkClash = (title) => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(async () => {
      const query = new URLSearchParams({ title, page: pageId });
      const response = await fetch(`${checkUrl}?${query}`, { credentials: "same-origin" });
      if (!response.ok) return;
      const { clash } = await response.json();
      const item = warning("clash");
      item.hidden = !clash;
      if (clash) {
        const link = item.querySelector("[data-clash-link]");
        link.href = clash.edit_url;
        link.textContent = clash.title;
      }
    }, 400);
  };

  // The card shows the chosen image's thumbnail (until the page is saved and rendered again),
  // else the cover the site drew, or, once the title, city or author change (or before the
  // first publish), the drawing of the cover as they stand now.
  let lastImage = value("feed_image");
  const coverFacts = () => [value("title"), value("city"), value("author")].join("\x1f");
  let lastFacts = coverFacts();
  let drawingTimer;
  const drawing = () => {
    const query = new URLSearchParams({ title: value("title"), city: value("city"), author: value("author") });
    return `${coverPreviewUrl}?${query}`;
  };
  const showImage = () => {
    const chosen = value("feed_image");
    const [image] = out("image");
    const facts = coverFacts();
    if (chosen !== lastImage) {
      lastImage = chosen;
      const thumbnail = field("feed_image")?.closest("[data-chooser]")?.querySelector("img");
      image.src = chosen ? thumbnail?.src || image.src : drawnCover || drawing();
    } else if (!chosen && facts !== lastFacts) {
      clearTimeout(drawingTimer);
      drawingTimer = setTimeout(() => { image.src = drawing(); }, 600);
    }
    lastFacts = facts;
    out("drawing-note").forEach((node) => { node.hidden = Boolean(chosen); });
  };

  let lastTitle = null;
  const update = () => {
    const shareTitle = value("seo_title") || squash(value("title")).join(" ");
    const titleTag = `${shareTitle} · ${siteName}`;
    const text = description();
    for (const [name, length, limit] of [
      ["title", shareTitle.length, titleLimit],
      ["description", text.length, descriptionLimit],
    ]) {
      const counted = panel.querySelector(`[data-count="${name}"]`);
      counted.textContent = length;
      counted.classList.toggle("seo-count--over", length > Number(limit));
    }
    count("seo_title", shareTitle.length);  // what the editor typed; the suffix is shown apart
    count("search_description", value("search_description").length);
    out("title").forEach((node) => { node.textContent = cut(titleTag, Number(titleLimit)); });
    out("share-title").forEach((node) => { node.textContent = shareTitle; });
    out("description").forEach((node) => { node.textContent = cut(text, Number(descriptionLimit)); });
    out("address").forEach((node) => { node.textContent = `${addressBase}${value("slug")}/`; });
    warning("description").hidden = Boolean(value("search_description"));
    showImage();
    if (shareTitle !== lastTitle) {
      lastTitle = shareTitle;
      checkClash(shareTitle);
    }
  };

  const form = panel.closest("form");
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  // Choosers set their hidden input without an input event: look again now and then.
  setInterval(() => {
    if (value("feed_image") !== lastImage || coverFacts() !== lastFacts) update();
  }, 1000);
  update();
};

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startSeoPanel);
} else {
  startSeoPanel();
}

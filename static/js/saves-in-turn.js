/* A full save (Save draft, Publish, Schedule) waits for an autosave already on its way, and no
 * autosave starts after it. Sent together, the two are saved at once: the autosave's revision
 * ends up newest and Wagtail warns "You saved a new version in another window" (one tab open),
 * or, on a new page, the autosave has created it while the full save creates it again. */
(() => {
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-edit-form")) return;
      const autosave = window.wagtail?.app?.getControllerForElementAndIdentifier(form, "w-autosave");
      if (!autosave) return;
      autosave.activeValue = false;
      const pending = autosave.submitPromise;
      if (!pending) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const button = event.submitter;
      pending.finally(() => (button ? form.requestSubmit(button) : form.requestSubmit()));
    },
    true,
  );
})();

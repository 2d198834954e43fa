/* Scheduling in one step (articles/admin/scheduling.py): the dialog's button is Wagtail's
 * publish action; before it is sent, the chosen time goes into the form's own go_live_at, so
 * Wagtail schedules the page exactly as after its own schedule dialog. */
(() => {
  const { Controller } = window.StimulusModule;

  class ScheduleController extends Controller {
    static targets = ["when", "error", "echo"];
    static values = { earliest: String, missing: String, past: String, reads: String };

    connect() {
      this.clear();
    }

    confirm(event) {
      const value = this.whenTarget.value; // "2027-01-05T09:00", in the zone the dialog names
      const problem = !value ? this.missingValue : value < this.earliestValue ? this.pastValue : "";
      if (problem) {
        event.preventDefault();
        this.errorTarget.textContent = problem;
        this.errorTarget.hidden = false;
        this.whenTarget.setAttribute("aria-invalid", "true");
        this.whenTarget.focus();
        return;
      }
      const goLive = this.element.closest("form").elements.namedItem("go_live_at");
      goLive.value = value.replace("T", " "); // Wagtail's own format: 2027-01-05 09:00
    }

    clear() {
      this.errorTarget.hidden = true;
      this.whenTarget.removeAttribute("aria-invalid");
      this.echoTarget.textContent = this.reading(this.whenTarget.value);
    }

    /* The chosen time as the admin shows times ("5 Jan 2031, 09:30"), whatever the browser's
     * own format for the box: 24-hour, in the zone the dialog names. */
    reading(value) {
      const parts = value.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
      if (!parts) return "";
      const [year, month, day, hour, minute] = parts.slice(1).map(Number);
      const monthName = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        timeZone: "UTC", month: "short",
      }).format(new Date(Date.UTC(year, month - 1, day)));
      const clock = [hour, minute].map((n) => String(n).padStart(2, "0")).join(":");
      const zone = this.echoTarget.dataset.zone;
      return `${this.readsValue} ${day} ${monthName} ${year}, ${clock} (${zone})`;
    }
  }

  window.wagtail.app.register("schedule", ScheduleController);
})();

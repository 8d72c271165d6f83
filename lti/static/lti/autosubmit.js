// Sends the deep-linking answer straight back to the platform; the button
// stays for browsers that run no script.
document.querySelectorAll("form[data-autosubmit]").forEach((form) => form.submit());

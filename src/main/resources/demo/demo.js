"use strict";

// Kazakhstan IIN: YYMMDD, a century-and-sex digit, a 4-digit serial and a check digit.
const IIN_SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function iinCheckDigit(first11) {
  const digits = Array.from(first11, Number);
  let s = digits.reduce((sum, d, i) => sum + d * (i + 1), 0) % 11;
  if (s === 10) {
    s = digits.reduce((sum, d, i) => sum + d * IIN_SECOND_PASS_WEIGHTS[i], 0) % 11;
  }
  return s === 10 ? null : s;
}

function randomInt(from, to) {
  return from + Math.floor(Math.random() * (to - from + 1));
}

function pad(value, length) {
  return String(value).padStart(length, "0");
}

function fakeIin() {
  for (;;) {
    const year = randomInt(1960, 2005);
    const month = randomInt(1, 12);
    const day = randomInt(1, 28);
    const centuryAndSex = (year >= 2000 ? 5 : 3) + randomInt(0, 1);
    const first11 = pad(year % 100, 2) + pad(month, 2) + pad(day, 2) + centuryAndSex + pad(randomInt(1, 9999), 4);
    const check = iinCheckDigit(first11);
    if (check !== null) {
      return first11 + check;
    }
  }
}

// The server checks the photo (format, size) and the page shows what it refuses.
function readPhoto(file, photoField, verify) {
  photoField.value = "";
  if (!file) {
    return;
  }
  verify.disabled = true;
  const reader = new FileReader();
  reader.onload = () => {
    const dataUrl = String(reader.result);
    photoField.value = dataUrl.substring(dataUrl.indexOf(",") + 1);
  };
  reader.onloadend = () => {
    verify.disabled = false;
  };
  reader.readAsDataURL(file);
}

document.addEventListener("DOMContentLoaded", () => {
  const generate = document.getElementById("generate-iin");
  if (generate) {
    generate.addEventListener("click", () => {
      document.getElementById("iin").value = fakeIin();
    });
  }
  const photoFile = document.getElementById("photo-file");
  if (photoFile) {
    photoFile.addEventListener("change", () => readPhoto(photoFile.files[0], document.getElementById("photo"), document.getElementById("verify")));
  }
});

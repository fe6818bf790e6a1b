/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// --- MOFA / UPR: Vietnamese by default ------------------------------------
// Camunda 7 picks the UI language once at start-up: it takes the browser's
// first language (navigator.languages[0]) if it is listed in
// `locales.availableLocales`, otherwise `locales.fallbackLocale`. The webapps
// have no language selector. If 'en' were listed, every browser set to English
// would get English, so only 'vi' is offered by default. English stays
// reachable as an explicit opt-in: open any webapp once with `?lang=en`
// (e.g. /camunda/app/tasklist/default/?lang=en#/); `?lang=vi` switches back.
// The choice is kept in localStorage, shared by Tasklist, Cockpit, Admin and
// Welcome.
var UPR_LOCALE = (function () {
  try {
    var requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'vi' || requested === 'en') {
      window.localStorage.setItem('upr.webapp.locale', requested);
    }
    return window.localStorage.getItem('upr.webapp.locale') === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
})();
// ---------------------------------------------------------------------------


export default {
  // MOFA / UPR branding: the header shows "<vendor> <name>", the browser tab the same.
  app: {
    name: 'Theo dõi khuyến nghị UPR',
    vendor: 'Bộ Ngoại giao'
  },

  // See UPR_LOCALE above: 'vi' for everyone unless the user opted into 'en'.
  locales: {
    availableLocales: [UPR_LOCALE],
    fallbackLocale: UPR_LOCALE
  },

  // Vietnamese date formats (moment.js patterns). Keys as read by the
  // configuration provider: monthName, day, abbr, normal, long, short.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'DD/MM/YYYY HH:mm:ss',
    short: 'DD/MM/YYYY'
  },

  // MOFA / UPR: Vietnamese for the few English texts of the task forms, no ad-hoc "create task"
  customScripts: ['scripts/upr-texts.js'],

  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Descriptions are shown as-is in the "Phím tắt bàn phím" dialog, hence Vietnamese.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Nhận công việc đang được chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Chuyển con trỏ tới bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Chuyển con trỏ tới công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Chuyển con trỏ tới ô nhập liệu đầu tiên của biểu mẫu công việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Mở hộp thoại bắt đầu quy trình'
    }
  }
};

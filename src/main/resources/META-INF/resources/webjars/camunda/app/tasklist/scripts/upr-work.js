// MOFA / UPR: Tasklist as the people of this system work in it.
// - Only MOFA's officers (and administrators) change a task's deadline; everyone else sees it and sets a follow-up
//   date. The server refuses the rest (EngineApiGuard, TaskEdit); here the page stops offering it. Until the user's
//   groups are known, nothing of the deadline is offered.
// - "Bắt đầu quy trình" only for those who can start a process (a ministry can start none).
// - After a submission, a message says what happened and what comes next (Tasklist just removes the task).
// - Before a reporting round opens, MOFA confirms what it covers: how many recommendations are asked and why the others
//   of the scope are not (the server words it, in the page's language: /api/reporting-rounds/preview).
// - The date picker in Vietnamese: month and day names, weeks from Monday.
(function () {
  const API = window.location.pathname.replace(/\/app\/tasklist\/.*$/, '/api');
  const ENGINE = API + '/engine/engine/default';
  const SETS_DEADLINES = ['mofa', 'camunda-admin'];

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(answer => (answer.ok ? answer.json() : Promise.reject(answer.status)));
  }

  function knowTheUser() {
    getJson(API + '/admin/auth/user/default')
      .then(user => Promise.all([
        getJson(ENGINE + '/identity/groups?userId=' + encodeURIComponent(user.userId)),
        getJson(ENGINE + '/process-definition/count?latestVersion=true&active=true&startableInTasklist=true'
          + '&startablePermissionCheck=true')
      ]))
      .then(([identity, startable]) => {
        const groups = (identity.groups || []).map(group => group.id);
        document.body.classList.toggle('upr-sets-deadlines', groups.some(group => SETS_DEADLINES.includes(group)));
        document.body.classList.toggle('upr-starts-processes', startable.count > 0);
        document.body.classList.add('upr-known');
      })
      .catch(() => {
        // not logged in yet: the login page; asked again after the login
      });
  }
  knowTheUser();
  window.addEventListener('hashchange', () => {
    if (window.location.hash.startsWith('#/login')) {
      // logged out: the next user's role is asked again
      document.body.classList.remove('upr-known', 'upr-sets-deadlines', 'upr-starts-processes');
    } else if (!document.body.classList.contains('upr-known')) {
      knowTheUser();
    }
  });

  // ---- what comes next after a submission --------------------------------------------------------------------
  const NEXT = {
    AssignAgencies: 'Cơ quan chủ trì nhận công việc lập kế hoạch và được báo qua thư điện tử.',
    PreparePlan: 'Bộ Ngoại giao sẽ thẩm định kế hoạch. Nếu cần chỉnh sửa, công việc trở lại hộp việc của đơn vị '
      + 'kèm ý kiến (bộ lọc "Bị trả lại") và đơn vị được báo qua thư điện tử.',
    ReviewPlan: 'Cơ quan chủ trì được báo qua thư điện tử. Nếu trả lại, kế hoạch trở lại hộp việc của cơ quan kèm ý kiến.',
    ContributeInput: 'Cơ quan chủ trì sẽ tổng hợp thông tin này vào báo cáo thực hiện gửi Bộ Ngoại giao.',
    PrepareReport: 'Bộ Ngoại giao sẽ thẩm định báo cáo. Nếu cần chỉnh sửa, công việc trở lại hộp việc của đơn vị '
      + 'kèm ý kiến (bộ lọc "Bị trả lại") và đơn vị được báo qua thư điện tử.',
    ReviewReport: 'Cơ quan chủ trì được báo qua thư điện tử. Nếu trả lại, báo cáo trở lại hộp việc của cơ quan kèm ý kiến.',
    FollowUpOverdue: 'Việc đôn đốc đã được ghi nhận vào hồ sơ khuyến nghị.',
    FollowUpMissing: 'Việc đôn đốc đã được ghi nhận; báo cáo tổng hợp chờ các cơ quan còn thiếu.',
    CompileReport: 'Báo cáo tổng hợp được trình Lãnh đạo Bộ phê duyệt.',
    ApproveConsolidatedReport: 'Quyết định của Lãnh đạo Bộ đã được ghi nhận; Vụ phụ trách được báo.'
  };
  const seen = new Map();

  function remember(value) {
    if (Array.isArray(value)) {
      value.forEach(remember);
    } else if (value && typeof value === 'object') {
      if (value.id && value.taskDefinitionKey) {
        seen.set(value.id, { name: value.name, key: value.taskDefinitionKey });
      }
      Object.values(value).forEach(child => typeof child === 'object' && remember(child));
    }
  }

  function confirmSubmission(taskId) {
    const task = seen.get(taskId) || {};
    document.querySelectorAll('.upr-confirmation').forEach(old => old.remove());
    const box = document.createElement('div');
    box.className = 'upr-confirmation alert alert-success';
    box.setAttribute('role', 'status');
    const title = document.createElement('strong');
    title.textContent = 'Đã gửi' + (task.name ? ': ' + task.name : '') + '.';
    const next = document.createElement('p');
    next.textContent = 'Tiếp theo: ' + (NEXT[task.key] || 'công việc đã hoàn thành và rời khỏi hộp việc.');
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', 'Đóng');
    close.textContent = '×';
    close.addEventListener('click', () => box.remove());
    box.append(close, title, next);
    document.body.append(box);
    setTimeout(() => box.remove(), 30000);
  }

  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.uprRequest = { method: String(method).toUpperCase(), path: String(url).split('?')[0] };
    return open.apply(this, arguments);
  };
  // ---- what a round covers, confirmed before it opens ------------------------------------------------------------
  // Tasklist starts by definition id (upr-reporting-round:3:…), a REST client may start by key
  const ROUND_START = /\/process-definition\/(key\/)?upr-reporting-round[^/]*\/submit-form$/;

  function valueOf(variables, name) {
    const variable = variables && variables[name];
    return variable ? variable.value : undefined;
  }

  /**
   * The coverage and a question, in a box of the page: Tasklist's Content-Security-Policy sandboxes the page without
   * modals, so the browser's own confirm() would answer "no" without showing anything.
   */
  function askToOpen(preview) {
    return new Promise(resolve => {
      const box = document.createElement('div');
      box.className = 'upr-round-coverage';
      box.setAttribute('role', 'dialog');
      box.setAttribute('aria-modal', 'true');
      const panel = document.createElement('div');
      for (const sentence of preview.sentences) {
        const line = document.createElement('p');
        line.textContent = sentence;
        panel.appendChild(line);
      }
      const question = document.createElement('p');
      question.className = 'upr-question';
      question.textContent = preview.question;
      panel.appendChild(question);
      const buttons = document.createElement('div');
      for (const [label, answer] of [[preview.back || 'Quay lại', false], [preview.open || 'Mở đợt báo cáo', true]]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = answer ? 'btn btn-primary' : 'btn btn-default';
        button.textContent = label;
        button.addEventListener('click', () => {
          box.remove();
          resolve(answer);
        });
        buttons.appendChild(button);
      }
      panel.appendChild(buttons);
      box.appendChild(panel);
      document.body.appendChild(box);
      buttons.lastChild.focus();
    });
  }

  /** Sends the start of a round only once MOFA confirmed its coverage; a refusal ends the request as aborted. */
  function confirmRound(xhr, body, sendIt) {
    let variables = {};
    try {
      variables = JSON.parse(body).variables || {};
    } catch (e) {
      // not JSON: the server decides
    }
    const query = new URLSearchParams({ scope: valueOf(variables, 'targetScope') || 'ALL',
      includeOpenPlans: String(valueOf(variables, 'includeOpenPlans') === true) });
    if (valueOf(variables, 'targetTaskGroup')) {
      query.set('taskGroup', valueOf(variables, 'targetTaskGroup'));
    }
    if (valueOf(variables, 'targetAgency')) {
      query.set('agency', valueOf(variables, 'targetAgency'));
    }
    getJson('/api/reporting-rounds/preview?' + query)
      .then(preview => {
        askToOpen(preview).then(open => (open ? sendIt() : xhr.dispatchEvent(new ProgressEvent('abort'))));
      })
      // no preview (the server answers why when the round is started): the start goes on as before
      .catch(() => sendIt());
  }

  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body) {
    const request = this.uprRequest || {};
    if (request.method === 'POST' && ROUND_START.test(request.path || '')) {
      const args = arguments;
      confirmRound(this, body, () => send.apply(this, args));
      return undefined;
    }
    this.addEventListener('load', () => {
      const request = this.uprRequest || {};
      const submitted = /\/task\/([^/]+)\/(submit-form|complete)$/.exec(request.path || '');
      if (request.method === 'POST' && submitted && this.status < 300) {
        confirmSubmission(submitted[1]);
      } else if (this.status === 200 && /\/(task|filter)\b/.test(request.path || '')
          && /json/.test(this.getResponseHeader('Content-Type') || '')) {
        try {
          remember(JSON.parse(this.responseText));
        } catch (e) {
          // not a task: nothing to remember
        }
      }
    });
    return send.apply(this, arguments);
  };

  // ---- the date picker in Vietnamese ------------------------------------------------------------------------
  const MONTHS = ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8', 'Tháng 9',
    'Tháng 10', 'Tháng 11', 'Tháng 12'];
  const DAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
  const SHORT_DAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

  function vietnameseCalendar() {
    const angular = window.angular;
    const root = angular && angular.element(document.querySelector('.ng-scope') || document.body);
    const injector = root && root.injector && root.injector();
    if (!injector) {
      return false;
    }
    const formats = injector.get('$locale').DATETIME_FORMATS;
    Object.assign(formats, { MONTH: MONTHS, STANDALONEMONTH: MONTHS, SHORTMONTH: MONTHS.map(m => m.replace('Tháng', 'Th')),
      DAY: DAYS, SHORTDAY: SHORT_DAYS, FIRSTDAYOFWEEK: 0 });
    if (injector.has('uibDatepickerConfig')) {
      Object.assign(injector.get('uibDatepickerConfig'), { startingDay: 1, formatDayTitle: 'MMMM, yyyy',
        formatMonthTitle: 'yyyy', formatDayHeader: 'EEE' });
    }
    return true;
  }
  const calendar = setInterval(() => vietnameseCalendar() && clearInterval(calendar), 200);

  // ---- the deadline out of reach by keyboard too (CSS hides it from the mouse) ------------------------------
  new MutationObserver(() => {
    if (!document.body.classList.contains('upr-sets-deadlines')) {
      document.querySelectorAll('.task-details .due-date[tabindex="0"]').forEach(due => due.setAttribute('tabindex', '-1'));
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();

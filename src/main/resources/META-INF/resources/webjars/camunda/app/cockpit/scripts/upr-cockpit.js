// MOFA / UPR: Cockpit as MOFA's officers use it.
// - Finding a recommendation by its number ("143.1", "KN 143.1" or the business key "UPR2-143.1"), running or
//   finished: a box on Cockpit's start page that asks the history (Cockpit CE has no view of finished instances, and
//   its own instance search works per process version and on running instances only). A running one opens in
//   Cockpit, every one opens as the product's case page.
// - A recommendation's facts under Vietnamese names, in a tab of its own: Cockpit's variables tab shows each
//   variable under its name in the process ("leadAgencyName") and has no setting for labels.
// - MOFA reads in Cockpit and changes nothing (AgencyProvisioning grants READ only; the server refuses the rest:
//   EngineApiGuard, MofaReadsOnlyTest). user-styles.css hides Cockpit's buttons that change something until the
//   user is known to be an administrator, who may.
const API = window.location.pathname.replace(/\/app\/cockpit\/.*$/, '/api');
const ENGINE = API + '/engine/engine/default';
const CHANGES_INSTANCES = ['camunda-admin'];
// as the product's search box reads numbers (RecommendationNumber)
const TYPED = /^\s*(?:(?:UPR\s*(\d+)\s*[-\s]\s*)|(?:KN\.?\s*))?(\d+(?:\.\d+)*[a-z]?)\s*$/i;
const STATES = {
  ACTIVE: 'Đang theo dõi',
  SUSPENDED: 'Tạm dừng',
  COMPLETED: 'Đã hoàn thành',
  EXTERNALLY_TERMINATED: 'Đã dừng',
  INTERNALLY_TERMINATED: 'Đã dừng'
};

function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(answer => (answer.ok ? answer.json() : Promise.reject(answer.status)));
}

function knowTheUser() {
  getJson(API + '/admin/auth/user/default')
    .then(user => getJson(ENGINE + '/identity/groups?userId=' + encodeURIComponent(user.userId)))
    .then(identity => {
      const groups = (identity.groups || []).map(group => group.id);
      document.body.classList.toggle('upr-changes-instances', groups.some(group => CHANGES_INSTANCES.includes(group)));
    })
    .catch(() => {
      // not logged in yet: asked again after the login
    });
}
knowTheUser();
window.addEventListener('hashchange', () => {
  if (window.location.hash.startsWith('#/login')) {
    document.body.classList.remove('upr-changes-instances');
  } else {
    knowTheUser();
  }
});

function day(iso) {
  return iso ? iso.slice(8, 10) + '/' + iso.slice(5, 7) + '/' + iso.slice(0, 4) : '';
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function link(parent, href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  parent.append(a, ' ');
}

/** The history's query, sent as JSON: the number stays text ("143.1"), it is not read as a decimal. */
function history(query) {
  // Camunda's CSRF token, as its own pages send it back
  const csrf = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');
  // a page, as the engine requires (query-max-results-limit): a number has one instance per cycle
  return fetch(ENGINE + '/history/process-instance?firstResult=0&maxResults=50', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf },
    body: JSON.stringify(Object.assign({ processDefinitionKey: 'upr-recommendation',
      sorting: [{ sortBy: 'startTime', sortOrder: 'desc' }] }, query))
  }).then(answer => answer.json().then(body => (answer.ok ? body : Promise.reject(answer.status + ': ' + body.message))));
}

function find(typed, answer) {
  answer.textContent = '';
  const parsed = TYPED.exec(typed);
  if (!parsed) {
    answer.textContent = 'Nhập số khuyến nghị, ví dụ 143.1, KN 143.1 hoặc UPR2-143.1.';
    return;
  }
  history(parsed[1]
    ? { processInstanceBusinessKey: 'UPR' + parsed[1] + '-' + parsed[2] }
    : { variables: [{ name: 'number', operator: 'eq', value: parsed[2] }] })
    .then(instances => {
      if (instances.length === 0) {
        answer.textContent = 'Không có khuyến nghị số ' + parsed[2] + ' (đang theo dõi hay đã kết thúc).';
        return;
      }
      const table = document.createElement('table');
      table.className = 'cam-table upr-found';
      table.innerHTML = '<thead><tr><th>Mã hồ sơ</th><th>Trạng thái</th><th>Bắt đầu</th><th>Kết thúc</th><th></th></tr></thead>';
      const body = document.createElement('tbody');
      for (const instance of instances) {
        const row = document.createElement('tr');
        cell(row, instance.businessKey);
        cell(row, STATES[instance.state] || instance.state);
        cell(row, day(instance.startTime));
        cell(row, day(instance.endTime));
        const links = cell(row, '');
        if (!instance.endTime) {
          link(links, '#/process-instance/' + instance.id + '/runtime', 'Mở trong Cockpit');
        }
        const key = /^UPR(\d+)-(.+)$/.exec(instance.businessKey || '');
        if (key) {
          link(links, '/recommendations/' + key[1] + '/' + encodeURIComponent(key[2]), 'Hồ sơ khuyến nghị');
        }
        body.appendChild(row);
      }
      table.appendChild(body);
      answer.appendChild(table);
    })
    .catch(status => {
      answer.textContent = 'Không tìm được (' + status + '). Vui lòng thử lại.';
    });
}

// the variables MOFA reads, in the order of the work (RecommendationProcess names them)
const LABELS = [
  ['number', 'Số khuyến nghị'], ['cycle', 'Chu kỳ UPR'], ['recommendationText', 'Nội dung khuyến nghị'],
  ['recommendingStates', 'Quốc gia khuyến nghị'], ['leadAgencyName', 'Cơ quan chủ trì'],
  ['coordinatingAgencyNames', 'Cơ quan phối hợp'], ['taskGroup', 'Nhóm nhiệm vụ'], ['planDueDate', 'Hạn nộp kế hoạch'],
  ['dueDate', 'Thời hạn thực hiện'], ['annexNote', 'Ghi chú của phụ lục'], ['focalPointName', 'Cán bộ đầu mối'],
  ['focalPointEmail', 'Thư điện tử của cán bộ đầu mối'], ['focalPointPhone', 'Điện thoại của cán bộ đầu mối'],
  ['planActions', 'Nhiệm vụ, hoạt động cụ thể'], ['planDeadline', 'Thời hạn hoàn thành'],
  ['expectedOutput', 'Sản phẩm dự kiến'], ['indicators', 'Chỉ số đánh giá'], ['reviewComment', 'Ý kiến Bộ Ngoại giao'],
  ['roundName', 'Đợt báo cáo'], ['reportDeadline', 'Hạn nộp báo cáo'], ['implementationStatus', 'Tình trạng thực hiện'],
  ['reportResults', 'Kết quả thực hiện'], ['reportFigures', 'Số liệu'], ['reportDifficulties', 'Khó khăn, vướng mắc'],
  ['reportProposals', 'Đề xuất, kiến nghị']
];

const FIND = {
  id: 'upr-find-recommendation',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: node => {
    node.innerHTML = '<section class="upr-find"><h3 class="section-title">Tìm khuyến nghị theo số</h3>'
      + '<form class="form-inline"><label for="upr-number">Số khuyến nghị</label> '
      + '<input id="upr-number" class="form-control" type="search" placeholder="143.1, KN 143.1, UPR2-143.1"> '
      + '<button class="btn btn-primary" type="submit">Tìm</button></form>'
      + '<div class="upr-answer" role="status"></div>'
      + '<p class="help-block">Tìm cả khuyến nghị đang theo dõi và đã kết thúc.</p></section>';
    const input = node.querySelector('input');
    const answer = node.querySelector('.upr-answer');
    node.querySelector('form').addEventListener('submit', event => {
      event.preventDefault();
      find(input.value, answer);
    });
  }
};

const FACTS = {
  id: 'upr-recommendation-facts',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 100,
  properties: { label: 'Thông tin khuyến nghị' },
  render: (node, { processInstanceId }) => {
    getJson(ENGINE + '/process-instance/' + processInstanceId + '/variables?deserializeValues=false')
      .then(variables => {
        const table = document.createElement('table');
        table.className = 'cam-table upr-facts';
        for (const [name, label] of LABELS) {
          const variable = variables[name];
          if (variable && variable.value !== null && variable.value !== '') {
            const row = document.createElement('tr');
            cell(row, label).className = 'upr-label';
            cell(row, String(variable.value));
            table.appendChild(row);
          }
        }
        node.replaceChildren(table);
      })
      .catch(status => {
        node.textContent = 'Không đọc được thông tin khuyến nghị (mã lỗi ' + status + ').';
      });
  }
};

export default [FIND, FACTS];

// The freshjwt demo page. Logs in with cookies (the tokens are HttpOnly: this script never sees one), shows the
// session's freshness and how the user logged in (acr, amr) from GET session, and answers a step-up challenge
// (401 insufficient_user_authentication) with a dialog asking for the password, and for the authenticator code
// when the challenge names acr_values, then retries the operation. What the server will decide on each guarded
// operation, and until when, comes from GET session (operations): the page counts down, it never repeats the rules. Every URL is relative: the page may live below a context
// path. Only text is ever written into the page (the Content-Security-Policy refuses HTML-parsing sinks).
// With an OpenID provider (the server marks the page data-mode="oidc"), the page signs in at the provider through the
// server's backend-for-frontend (oidc/login, oidc/session, oidc/api/..., oidc/refresh, oidc/logout): the provider's
// tokens stay on the server; a step-up challenge offers a new sign-in there with the challenge's max_age and acr_values.
'use strict';

(() => {
  const byId = (id) => document.getElementById(id);
  const view = {
    app: byId('app'),
    loginSection: byId('login-section'),
    loginForm: byId('login-form'),
    username: byId('username'),
    password: byId('password'),
    otp: byId('otp'),
    loginError: byId('login-error'),
    loginNotice: byId('login-notice'),
    expiredNotice: byId('expired-notice'),
    sessionSection: byId('session-section'),
    sessionHeading: byId('session-heading'),
    sessionUser: byId('session-user'),
    badge: byId('state-badge'),
    explanation: byId('state-explanation'),
    authMethod: byId('auth-method'),
    authAge: byId('auth-age'),
    expiresIn: byId('expires-in'),
    elapsed: byId('timeline-elapsed'),
    nowMarker: byId('timeline-now'),
    loginLabel: byId('timeline-login'),
    expiryLabel: byId('timeline-expiry'),
    lastResult: byId('last-result'),
    result: byId('result'),
    resultEmpty: byId('result-empty'),
    dialog: byId('step-up-dialog'),
    stepUpForm: byId('step-up-form'),
    stepUpOperation: byId('step-up-operation'),
    stepUpUsername: byId('step-up-username'),
    stepUpNeed: byId('step-up-need'),
    stepUpAction: byId('step-up-action'),
    stepUpPassword: byId('step-up-password'),
    stepUpCodeField: byId('step-up-code-field'),
    stepUpOtp: byId('step-up-otp'),
    stepUpError: byId('step-up-error'),
    stepUpCancel: byId('step-up-cancel'),
    passwordDialog: byId('password-dialog'),
    passwordForm: byId('password-form'),
    passwordUsername: byId('password-username'),
    currentPassword: byId('current-password'),
    newPassword: byId('new-password'),
    passwordError: byId('password-error'),
    passwordCancel: byId('password-cancel'),
  };
  Object.assign(view, {
    oidcLogin: byId('oidc-login'),
    oidcLoginHint: byId('oidc-login-hint'),
    passwordLogin: byId('password-login'),
    issuedFact: byId('issued-fact'),
    issuedAt: byId('issued-at'),
    oidcDialog: byId('oidc-step-up-dialog'),
    oidcStepUpOperation: byId('oidc-step-up-operation'),
    oidcStepUpNeed: byId('oidc-step-up-need'),
    oidcStepUp: byId('oidc-step-up'),
  });
  const OIDC = document.body.dataset.mode === 'oidc';
  // Where each of the page's calls goes: to the demo itself, or through the backend-for-frontend.
  const PATHS = OIDC ? { session: 'oidc/session', refresh: 'oidc/refresh', api: (path) => 'oidc/api/' + path }
    : { session: 'session', refresh: 'session/refresh', api: (path) => path };
  const OPERATIONS = OIDC ? ['sensitive_operation', 'transfer'] : ['sensitive_operation', 'account/password', 'transfer'];
  const SIGN_IN_ERRORS = { access_denied: 'The sign-in was cancelled at the provider.',
    code_refused: 'The provider refused to hand over the tokens: sign in again.',
    nonce_mismatch: 'The sign-in answer did not belong to this browser: sign in again.',
    provider_unavailable: 'The provider could not be reached: try again later.',
    login_required: 'The provider wants a new login: sign in again.' };

  const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
  const STEP_UP = 'insufficient_user_authentication';
  const MAX_CALLS_SHOWN = 40;
  const REASONS = { 200: 'OK', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
    404: 'Not Found', 405: 'Method Not Allowed', 415: 'Unsupported Media Type', 500: 'Internal Server Error' };

  let session = null;        // the last authenticated answer of GET session, or null
  let clockOffset = 0;       // the server's clock minus ours, in seconds
  let csrf = { header: 'X-CSRF-TOKEN', access_cookie: '__Host-csrf_access_token',
    refresh_cookie: '__Host-csrf_refresh_token' };  // replaced by what the server says
  let busy = false;
  let callCount = 0;
  let stepUp = null;         // { retry, needsCode } while the password dialog is open
  let expiryChecked = null;  // the expires_at for which the session was re-read on expiry
  let refreshRefused = false; // the refresh cookie was refused (revoked, expired): no more offers to use it

  // ---- HTTP --------------------------------------------------------------------------------------------------

  function readCookie(name) {
    for (const pair of document.cookie.split('; ')) {
      const equals = pair.indexOf('=');
      if (equals > 0 && pair.slice(0, equals) === name) {
        return pair.slice(equals + 1);
      }
    }
    return null;
  }

  // One request; unsafe methods carry the CSRF header (the refresh endpoint the refresh cookie's value).
  async function request(method, path, body) {
    const headers = {};
    if (OIDC && !SAFE_METHODS.has(method) && csrf.token) {
      headers[csrf.header] = csrf.token;  // the backend's session value, from GET oidc/session: never a cookie
    } else if (!OIDC && !SAFE_METHODS.has(method)) {
      const value = readCookie(path === 'session/refresh' ? csrf.refresh_cookie : csrf.access_cookie);
      if (value !== null) {
        headers[csrf.header] = value;
      }
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
    });
    const text = response.status === 204 ? '' : await response.text();
    let data = text || null;
    if (text && /json/i.test(response.headers.get('Content-Type') || '')) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = text;
      }
    }
    return { status: response.status, data, challenge: response.headers.get('WWW-Authenticate') || '' };
  }

  // A request the user asked for: made, then shown in the list of calls.
  async function call(method, path, body, note) {
    let outcome;
    try {
      outcome = await request(method, path, body);
    } catch (e) {
      outcome = { status: 0, data: 'The request failed: ' + e.message, challenge: '' };
    }
    showCall(method, path, outcome, note);
    return outcome;
  }

  function isStepUp(outcome) {
    return outcome.status === 401 && ((outcome.data && outcome.data.error === STEP_UP)
      || outcome.challenge.includes('error="' + STEP_UP + '"'));
  }

  // The acr values a step-up challenge asks for (RFC 9470), preferred first: from WWW-Authenticate, which fetch reads
  // on a same-origin response, else from the problem body. Empty when the challenge asks for freshness only.
  function acrValues(outcome) {
    const quoted = /(?:^|[\s,])acr_values="([^"]*)"/.exec(outcome.challenge);
    const values = quoted ? quoted[1]
      : outcome.data && typeof outcome.data.acr_values === 'string' ? outcome.data.acr_values : '';
    return values.split(' ').filter((value) => value !== '');
  }

  // The login body: the code only when one was typed.
  function credentials(username, password, otp) {
    return otp ? { username, password, otp } : { username, password };
  }

  // ---- Session state -----------------------------------------------------------------------------------------

  async function readSession() {
    let outcome;
    try {
      outcome = await request('GET', PATHS.session);
    } catch (e) {
      outcome = { status: 0, data: 'The request failed: ' + e.message, challenge: '' };
    }
    if (outcome.status === 200 && outcome.data && typeof outcome.data === 'object') {
      show(outcome.data);
    } else {
      showCall('GET', PATHS.session, outcome, 'could not read the session');
      show({ authenticated: false });
    }
  }

  function show(answer) {
    if (answer.csrf) {
      csrf = answer.csrf;
    }
    if (typeof answer.now === 'number') {
      clockOffset = answer.now - Date.now() / 1000;
    }
    session = answer.authenticated ? answer : null;
    view.app.dataset.state = !session ? 'anonymous' : session.fresh ? 'fresh' : 'not-fresh';
    view.loginSection.hidden = session !== null;
    view.sessionSection.hidden = session === null;
    if (OIDC) {
      view.oidcLogin.hidden = false;
      view.passwordLogin.hidden = true;
      view.oidcLoginHint.hidden = !answer.login_hint;
      view.oidcLoginHint.textContent = answer.login_hint || '';
      view.issuedFact.hidden = !session;
    }
    if (session) {
      view.sessionUser.textContent = session.user;
      view.stepUpUsername.value = session.user;
      view.authMethod.textContent = method(session);
      view.app.dataset.acr = session.acr || '';
      view.passwordUsername.value = session.user;
    } else {
      view.expiredNotice.hidden = OIDC || refreshRefused || readCookie(csrf.refresh_cookie) === null;
    }
    tick();
  }

  // What the server will decide on an operation now: open until a second the server named (its maxAge, plus the clock
  // skew it grants, or the token's expiry), or closed, and why.
  function decision(path, now) {
    const operation = session.operations && session.operations[path];
    if (!operation) {
      return { open: false, text: 'unknown' };
    }
    if (operation.open && now <= operation.until) {
      return { open: true, aged: false, text: 'open until ' + clockTime(operation.until) };
    }
    const aged = operation.open ? operation.max_age !== null && operation.until < session.expires_at
      : operation.reason.startsWith('the login');
    const reason = !operation.open ? operation.reason : aged
      ? 'the login is more than ' + operation.max_age + ' s (+ ' + session.clock_skew + ' s clock skew) ago'
      : 'the token has expired';
    return { open: false, aged, text: 'asks for the password: ' + reason };
  }

  // The badge says what the token is; the explanation and each button what the server will decide, and until when.
  function showDecisions(now) {
    const decisions = Object.fromEntries(OPERATIONS.map((path) => [path, decision(path, now)]));
    for (const path of OPERATIONS) {
      const element = byId('state-' + path);
      element.textContent = decisions[path].text;
      element.dataset.open = String(decisions[path].open);
    }
    const aged = session.fresh && OPERATIONS.some((path) => decisions[path].aged);
    view.badge.textContent = !session.fresh ? 'NOT FRESH' : aged ? 'FRESH, LOGIN TOO OLD' : 'FRESH';
    view.badge.className = 'badge ' + (session.fresh && !aged ? 'badge-fresh' : 'badge-stale');
    const open = OPERATIONS.filter((path) => decisions[path].open);
    const origin = OIDC ? (session.fresh
      ? 'The provider issued this access token ' + (session.issued_at - session.auth_time) + ' s after the login (at most '
        + session.fresh_window + ' s counts as fresh), ' + (session.acr === 'mfa' ? 'with the password and a code' : 'with the password')
      : 'The provider issued this access token ' + duration(session.issued_at - session.auth_time) + ' after the login (refreshed,'
        + ' or from its single-sign-on session): not fresh')
      : session.fresh
      ? 'This access token comes straight from a ' + (session.acr === 'mfa' ? 'login with the password and a code' : 'password login')
      : 'This access token was refreshed, not obtained with the password';
    const names = { 'sensitive_operation': 'the sensitive operation', 'account/password': 'the password change',
      'transfer': 'a transfer' };
    view.explanation.textContent = origin + (open.length === 0
      ? ': every guarded operation will ask for the password again.'
      : ': the server allows ' + open.map((path) => names[path] + ' until ' + clockTime(session.operations[path].until)).join(', ')
        + (open.length < OPERATIONS.length ? '; anything else asks for the password again.' : '.'));
  }

  // How the user logged in, from amr (RFC 8176: pwd, otp), with the acr the token carries.
  function method(answer) {
    const amr = Array.isArray(answer.amr) ? answer.amr : [];
    const factors = [];
    if (amr.includes('pwd')) {
      factors.push('password');
    }
    if (amr.includes('otp')) {
      factors.push('code');
    }
    const text = factors.length ? factors.join(' + ') : OIDC ? 'Keycloak' : 'unknown';
    return answer.acr ? text + ' (acr ' + answer.acr + ')' : text;
  }

  // Once a second, from the last answer and the server's clock: no request.
  function tick() {
    if (!session) {
      return;
    }
    const now = Date.now() / 1000 + clockOffset;
    const left = session.expires_at - now;
    view.authAge.textContent = duration(now - session.auth_time) + ' ago';
    view.expiresIn.textContent = left > 0 ? 'in ' + duration(left) : 'expired';
    view.expiresIn.classList.toggle('soon', left < 60);
    const span = session.expires_at - session.auth_time;
    const share = span > 0 ? Math.min(100, Math.max(0, ((now - session.auth_time) / span) * 100)) : 100;
    view.elapsed.style.width = share.toFixed(2) + '%';
    view.nowMarker.style.left = share.toFixed(2) + '%';
    view.loginLabel.textContent = 'login ' + clockTime(session.auth_time);
    view.expiryLabel.textContent = 'expiry ' + clockTime(session.expires_at);
    if (OIDC) {
      view.issuedAt.textContent = clockTime(session.issued_at) + ', ' + (session.issued_at - session.auth_time) + ' s after the login';
    }
    showDecisions(now);
    if (left <= 0 && expiryChecked !== session.expires_at && !busy) {
      expiryChecked = session.expires_at;
      readSession();
    }
  }

  function duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const two = (n) => String(n).padStart(2, '0');
    if (s < 60) {
      return s + ' s';
    }
    if (s < 3600) {
      return Math.floor(s / 60) + ' min ' + two(s % 60) + ' s';
    }
    if (s < 86400) {
      return Math.floor(s / 3600) + ' h ' + two(Math.floor(s / 60) % 60) + ' min';
    }
    return Math.floor(s / 86400) + ' d ' + (Math.floor(s / 3600) % 24) + ' h';
  }

  function clockTime(epochSeconds) {
    return new Date((epochSeconds - clockOffset) * 1000).toLocaleTimeString([], { hour12: false });
  }

  // ---- The list of calls -------------------------------------------------------------------------------------

  function summary(data) {
    if (data === null || data === undefined) {
      return 'no body';
    }
    if (typeof data !== 'object') {
      return String(data).slice(0, 200);
    }
    if (typeof data.message === 'string') {
      return data.message;
    }
    if ('authenticated' in data) {
      return data.authenticated ? 'session of ' + data.user + (data.fresh ? ', fresh' : ', not fresh')
        + (data.acr ? ', ' + method(data) : '') : 'no session';
    }
    const name = data.error || data.title || 'problem';
    return data.detail && data.detail !== name ? name + ': ' + data.detail : name;
  }

  function showCall(method, path, outcome, note) {
    callCount += 1;
    const item = document.createElement('li');
    const kind = outcome.label ? 'note'
      : outcome.status >= 200 && outcome.status < 300 ? 'ok' : isStepUp(outcome) ? 'step-up' : 'failed';
    item.className = 'call call-' + kind;
    item.dataset.seq = String(callCount);
    item.dataset.method = method;
    item.dataset.path = path;
    item.dataset.status = String(outcome.status);

    const time = document.createElement('time');
    time.className = 'call-time';
    time.textContent = new Date().toLocaleTimeString([], { hour12: false });
    const request = document.createElement('code');
    request.className = 'call-request';
    request.textContent = method ? method + ' ' + path : path;
    const status = document.createElement('span');
    status.className = 'call-status';
    status.textContent = outcome.status === 0 ? outcome.label || 'no answer'
      : outcome.status + ' ' + (REASONS[outcome.status] || '');
    const text = document.createElement('span');
    text.className = 'call-summary';
    text.textContent = summary(outcome.data) + (note ? ' (' + note + ')' : '');

    item.append(time, request, status, text);
    if (outcome.status !== 0 || outcome.label) {  // the latest outcome also where the buttons are
      view.lastResult.textContent = request.textContent + ' → ' + status.textContent + ': ' + text.textContent;
      view.lastResult.className = 'last-result call-' + kind;
      view.lastResult.dataset.path = path;
      view.lastResult.dataset.status = String(outcome.status);
      view.lastResult.hidden = false;
    }
    view.result.prepend(item);
    view.resultEmpty.hidden = true;
    while (view.result.children.length > MAX_CALLS_SHOWN) {
      view.result.lastElementChild.remove();
    }
  }

  // ---- What the buttons do -----------------------------------------------------------------------------------

  function setBusy(value) {
    busy = value;
    view.app.setAttribute('aria-busy', String(value));
    // aria-disabled, not disabled: the button keeps the focus while its request runs.
    for (const button of document.querySelectorAll('main button, dialog button[type=submit]')) {
      button.setAttribute('aria-disabled', String(value));
    }
  }

  async function exclusively(task) {
    if (busy) {
      return;
    }
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  }

  // A protected operation; a step-up challenge opens the password dialog (with the code field when the challenge
  // names acr_values), which retries it once.
  // A body goes with the request (and its retry); done, if given, receives the final outcome.
  async function operation(verb, path, retried, body, done) {
    const outcome = await call(verb, PATHS.api(path), body, retried || '');
    if (OIDC && isStepUp(outcome)) {
      askProvider(verb + ' ' + path, outcome);
      return;
    }
    if (!retried && isStepUp(outcome)) {
      const needsCode = acrValues(outcome).length > 0;
      askPassword(verb + ' ' + path, needsCode, () => operation(verb, path,
        needsCode ? 'retried after the password and code' : 'retried after the password', body, done));
      return;
    }
    if (done) {
      done(outcome);
    }
    await readSession();  // the call may have renewed the access cookie (implicit refresh) or found it revoked
  }

  // A challenge's parameter (max_age, acr_values) from WWW-Authenticate, else from the problem body; null if absent.
  function challengeParameter(outcome, name) {
    const match = new RegExp('[ ,]' + name + '="([^"]*)"').exec(outcome.challenge);
    if (match) {
      return match[1];
    }
    const value = outcome.data && typeof outcome.data === 'object' ? outcome.data[name] : undefined;
    return value === undefined || value === null ? null : String(value);
  }

  // With a provider: the sign-in there that the challenge asks for (RFC 9470 §4), its max_age and acr_values passed on.
  function askProvider(operationName, outcome) {
    const parameters = new URLSearchParams();
    for (const name of ['max_age', 'acr_values']) {
      const value = challengeParameter(outcome, name);
      if (value !== null) {
        parameters.set(name, value);
      }
    }
    view.oidcStepUpOperation.textContent = operationName;
    view.oidcStepUpNeed.textContent = parameters.has('acr_values') ? 'a login with the password and a code'
      : 'a fresh login';
    view.oidcStepUp.href = 'oidc/login?' + parameters.toString();
    view.oidcDialog.showModal();
    view.oidcStepUp.focus();
  }

  function askPassword(operationName, needsCode, retry) {
    stepUp = { retry, needsCode };
    view.stepUpOperation.textContent = operationName;
    view.stepUpNeed.textContent = needsCode ? 'a fresh login with the password and a code' : 'a fresh login';
    view.stepUpAction.textContent = needsCode ? 'Type the password and the code your authenticator app shows'
      : 'Type the password again';
    view.stepUpCodeField.hidden = !needsCode;
    view.stepUpOtp.required = needsCode;
    view.stepUpOtp.value = '';
    view.stepUpPassword.value = '';
    view.stepUpError.hidden = true;
    view.dialog.showModal();
    view.stepUpPassword.focus();
  }

  function showError(element, text) {
    element.textContent = text;
    element.hidden = false;
  }

  function loginFailure(outcome, withCode) {
    return outcome.status === 401 ? (withCode ? 'Wrong username, password or code.' : 'Wrong username or password.')
      : 'The server answered ' + (outcome.status || 'nothing') + ': ' + summary(outcome.data);
  }

  view.loginForm.addEventListener('submit', (event) => {
    event.preventDefault();
    exclusively(async () => {
      const otp = view.otp.value;
      const outcome = await call('POST', 'session', credentials(view.username.value, view.password.value, otp), '');
      if (outcome.status === 200) {
        view.password.value = '';
        view.otp.value = '';
        view.loginError.hidden = true;
        view.loginNotice.hidden = true;
        refreshRefused = false;
        await readSession();
        if (session) {
          view.sessionHeading.focus();
        } else {
          showError(view.loginError, 'The password was accepted, but the server does not recognise the session cookie.');
        }
      } else {
        showError(view.loginError, loginFailure(outcome, otp !== ''));
        view.otp.value = '';  // a code is good once: the next attempt needs the next one
        view.password.select();
      }
    });
  });

  view.stepUpForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const pending = stepUp;
    if (!pending) {
      return;
    }
    exclusively(async () => {
      const otp = pending.needsCode ? view.stepUpOtp.value : '';
      const outcome = await call('POST', 'session', credentials(view.stepUpUsername.value, view.stepUpPassword.value, otp),
        otp ? 'password and code confirmed' : 'password confirmed');
      if (outcome.status === 200) {
        stepUp = null;
        view.stepUpPassword.value = '';
        view.stepUpOtp.value = '';
        view.dialog.close('confirmed');
        await readSession();
        await pending.retry();
      } else {
        showError(view.stepUpError, loginFailure(outcome, otp !== ''));
        view.stepUpOtp.value = '';
        view.stepUpPassword.select();
      }
    });
  });

  // The password change: the current and the new password, then POST account/password (which may ask for a fresh
  // login first). The server answers 400 for a weak new password and 403 for a wrong current one: shown in the dialog.
  view.passwordForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { current_password: view.currentPassword.value, new_password: view.newPassword.value };
    exclusively(() => operation('POST', 'account/password', false, body, (outcome) => {
      if (outcome.status === 200) {
        view.currentPassword.value = '';
        view.newPassword.value = '';
        view.passwordDialog.close('changed');
      } else if (view.passwordDialog.open) {
        showError(view.passwordError, outcome.data && outcome.data.detail ? outcome.data.detail : summary(outcome.data));
        view.newPassword.select();
      }
    }));
  });
  view.passwordCancel.addEventListener('click', () => view.passwordDialog.close('cancelled'));

  view.stepUpCancel.addEventListener('click', () => view.dialog.close('cancelled'));
  byId('oidc-step-up-cancel').addEventListener('click', () => view.oidcDialog.close('cancelled'));
  view.dialog.addEventListener('close', () => {  // also on Escape
    if (stepUp) {
      stepUp = null;
      showCall('', 'password dialog', { status: 0, label: 'cancelled', data: 'The operation was not retried', challenge: '' }, '');
    }
  });

  const onClick = (id, task) => byId(id).addEventListener('click', () => exclusively(task));
  onClick('call-protected', () => operation('GET', 'protected', false));
  onClick('call-sensitive', () => operation('GET', 'sensitive_operation', false));
  byId('change-password').addEventListener('click', () => {
    if (!busy) {
      view.currentPassword.value = '';
      view.newPassword.value = '';
      view.passwordError.hidden = true;
      view.passwordDialog.showModal();
      view.currentPassword.focus();
    }
  });
  onClick('transfer', () => operation('POST', 'transfer', false));
  // A refused refresh cookie (revoked by a logout everywhere, or expired) is not offered again: back to the login form.
  const refresh = async () => {
    const outcome = await call('POST', PATHS.refresh, undefined, 'explicit refresh');
    if (OIDC) {
      await readSession();
      return;
    }
    if (outcome.status === 401) {
      refreshRefused = true;
      // The readable CSRF cookie of the refused refresh token is what made the page offer it: gone, on reloads too.
      document.cookie = csrf.refresh_cookie + '=; Max-Age=0; Path=/; Secure; SameSite=Strict';
    }
    await readSession();
    if (!session && refreshRefused) {
      view.loginNotice.textContent = 'The refresh token was refused (logged out everywhere, or expired): log in with the password.';
      view.loginNotice.hidden = false;
      view.password.focus();
    }
  };
  onClick('refresh', refresh);
  onClick('refresh-expired', refresh);
  const logout = (path, verb, note) => async () => {
    await call(verb, path, undefined, note);
    await readSession();
    view.password.focus();
  };
  onClick('logout', OIDC ? logout('oidc/logout', 'POST', 'signed out here and at Keycloak')
    : logout('session', 'DELETE', 'logged out'));
  onClick('logout-all', logout('logout/all', 'POST', 'logged out everywhere'));

  document.addEventListener('visibilitychange', () => {  // another tab may have logged out
    if (document.visibilityState === 'visible' && !busy) {
      readSession();
    }
  });

  if (OIDC) {
    // Passwords and sessions of every device live at the provider: no password change or logout everywhere here.
    byId('token-home').textContent = 'Here Keycloak issues the tokens, and this page\'s server keeps them: the page holds'
      + ' only a session cookie its script cannot read.';
    byId('change-password').hidden = true;
    byId('logout-all').hidden = true;
    byId('refresh').querySelector('.action-note').textContent = 'the provider\'s refresh grant: not fresh';
    const error = new URLSearchParams(window.location.search).get('signin_error');
    if (error) {
      showError(view.loginError, SIGN_IN_ERRORS[error] || 'The sign-in failed (' + error.replace(/[^a-z_]/g, '') + ').');
      window.history.replaceState(null, '', window.location.pathname);
    }
  }
  exclusively(readSession);
  setInterval(tick, 1000);
})();

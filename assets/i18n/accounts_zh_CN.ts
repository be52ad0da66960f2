<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDelegate</name>
    <message>
        <source>last login: %1</source>
        <translation>上次登录：%1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Has not set their own password yet</source>
        <translation>尚未设置自己的密码</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
</context>
<context>
    <name>AccountsScreen</name>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <source>All counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>共 %1 个账号</translation>
    </message>
</context>
<context>
    <name>AppMenu</name>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
</context>
<context>
    <name>ChangePasswordForm</name>
    <message>
        <source>You logged in with a one-time password. Set your own password to continue (at least 8 characters).</source>
        <translation>您使用的是一次性密码。请设置自己的密码后继续（至少 8 个字符）。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>The new password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Set the password and log in</source>
        <translation>设置密码并登录</translation>
    </message>
    <message>
        <source>Back to the login</source>
        <translation>返回登录</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Setup code from the office</source>
        <translation>经信局提供的设置码</translation>
    </message>
    <message>
        <source>Use code</source>
        <translation>使用设置码</translation>
    </message>
</context>
<context>
    <name>NewAccountForm</name>
    <message>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>User name, e.g. wang.li</source>
        <translation>用户名，例如 wang.li</translation>
    </message>
    <message>
        <source>The enterprise&apos;s USCC (18 characters)</source>
        <translation>企业统一社会信用代码（18 位）</translation>
    </message>
    <message>
        <source>Make the account</source>
        <translation>创建账号</translation>
    </message>
</context>
<context>
    <name>SetupCodeCard</name>
    <message>
        <source>Account %1 made</source>
        <translation>账号 %1 已创建</translation>
    </message>
    <message>
        <source>New password of %1</source>
        <translation>%1 的新密码</translation>
    </message>
    <message>
        <source>One-time password (shown only now; the user sets their own at the first login):</source>
        <translation>一次性密码（仅此一次显示；用户首次登录时须设置自己的密码）：</translation>
    </message>
    <message>
        <source>Setup code: scan it or type it on the login screen (it holds the server and the user name, not the password).</source>
        <translation>设置码：在登录页扫描或输入（含服务器地址和用户名，不含密码）。</translation>
    </message>
    <message>
        <source>Done: the password was handed over</source>
        <translation>完成：密码已交给用户</translation>
    </message>
</context>
<context>
    <name>gx::AccountsModel</name>
    <message>
        <source>never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业填报员</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>经信局</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>City (office and administrators)</source>
        <translation>市级（经信局和管理员）</translation>
    </message>
    <message>
        <source>User name: 1 to 64 letters, digits or . _ @ -, beginning with a letter or digit.</source>
        <translation>用户名：1 至 64 个字母、数字或 . _ @ -，以字母或数字开头。</translation>
    </message>
    <message>
        <source>Role: choose the kind of account to make.</source>
        <translation>角色：请选择要创建的账号类型。</translation>
    </message>
    <message>
        <source>County: an inspector needs the county they survey.</source>
        <translation>县（市、区）：检查员须选择其负责的县（市、区）。</translation>
    </message>
    <message>
        <source>Enterprise USCC: %1</source>
        <translation>企业统一社会信用代码：%1</translation>
    </message>
    <message>
        <source>User name: %1 is taken, choose another.</source>
        <translation>用户名：%1 已被占用，请换一个。</translation>
    </message>
    <message>
        <source>Office users may not make or change office or administrator accounts: ask an administrator.</source>
        <translation>经信局账号不能创建或更改经信局和管理员账号，请联系管理员。</translation>
    </message>
    <message>
        <source>There is no account %1 (any more).</source>
        <translation>账号 %1 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>Enterprise USCC: no enterprise of the registry has this code; import the registry first or check the code.</source>
        <translation>企业统一社会信用代码：企业名录中没有该代码的企业，请先导入企业名录或核对代码。</translation>
    </message>
</context>
<context>
    <name>gx::LoginFlow</name>
    <message>
        <source>The new password needs 8 to 256 characters.</source>
        <translation>新密码须为 8 至 256 个字符。</translation>
    </message>
    <message>
        <source>The new password may not hold control characters.</source>
        <translation>新密码不能包含控制字符。</translation>
    </message>
    <message>
        <source>The two new passwords differ: type the same password twice.</source>
        <translation>两次输入的新密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <source>The new password must differ from the one-time password.</source>
        <translation>新密码不能与一次性密码相同。</translation>
    </message>
    <message>
        <source>The login has expired: log in again with the one-time password.</source>
        <translation>登录已过期，请用一次性密码重新登录。</translation>
    </message>
    <message>
        <source>The one-time password is no longer valid: ask the office for a new one.</source>
        <translation>一次性密码已失效，请向经信局索取新密码。</translation>
    </message>
    <message>
        <source>The server refused the new password: it needs 8 to 256 characters and must differ from the one-time password.</source>
        <translation>服务器拒绝了新密码：须为 8 至 256 个字符，且不能与一次性密码相同。</translation>
    </message>
    <message>
        <source>The server refused the new password: %1</source>
        <translation>服务器拒绝了新密码：%1</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1). Try again.</source>
        <translation>无法连接服务器（%1），请重试。</translation>
    </message>
</context>
<context>
    <name>gx::OfficeClient</name>
    <message>
        <source>You logged in with a one-time password: log out and log in again to set your own password first.</source>
        <translation>您使用的是一次性密码登录：请退出并重新登录，先设置自己的密码。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>KeychainNoticeBanner</name>
    <message>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>This device has no camera: type or paste the setup code.</source>
        <translation>本设备没有摄像头，请输入或粘贴设置码。</translation>
    </message>
</context>
<context>
    <name>ScanSetupCodeScreen</name>
    <message>
        <source>Scan setup code</source>
        <translation>扫描设置码</translation>
    </message>
    <message>
        <source>Point the setup code at the square</source>
        <translation>将设置码对准方框</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>gx::CameraFrameSource</name>
    <message>
        <source>This device has no camera.</source>
        <translation>本设备没有摄像头。</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>摄像头无法使用：%1</translation>
    </message>
</context>
<context>
    <name>gx::Session</name>
    <message>
        <source>This device has no system keychain: your login is kept in a protected file on this device, readable by you alone. Nothing is lost.</source>
        <translation>本设备没有可用的系统钥匙串，登录凭据已保存在本机受保护的文件中（仅您本人可读），没有丢失。</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused to keep your login: it is kept in a protected file on this device instead, readable by you alone. Nothing is lost.</source>
        <translation>系统钥匙串已锁定或拒绝保存，登录凭据已改为保存在本机受保护的文件中（仅您本人可读），没有丢失。</translation>
    </message>
</context>
<context>
    <name>gx::SetupCodeScanner</name>
    <message>
        <source>This device has no camera.</source>
        <translation>本设备没有摄像头。</translation>
    </message>
    <message>
        <source>This is not a setup code of the renewal survey. Scan the code the office shows on its accounts screen.</source>
        <translation>这不是更新系统的设置码。请扫描经信局账号管理页面上显示的设置码。</translation>
    </message>
    <message>
        <source>This is not a setup code of the renewal survey: %1</source>
        <translation>这不是更新系统的设置码：%1</translation>
    </message>
</context>
</TS>

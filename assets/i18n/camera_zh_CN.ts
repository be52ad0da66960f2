<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaptureScreen</name>
    <message>
        <source>Photo: %1</source>
        <translation>拍摄：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No camera on this device</source>
        <translation>本设备没有摄像头</translation>
    </message>
    <message>
        <source>%1 × %2 px, %3 KB</source>
        <translation>%1 × %2 像素，%3 KB</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <source>Use photo</source>
        <translation>使用照片</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>gx::CameraImageSource</name>
    <message>
        <source>the camera could not take the picture (%1)</source>
        <translation>摄像头未能拍下照片（%1）</translation>
    </message>
    <message>
        <source>the camera failed (%1)</source>
        <translation>摄像头出错（%1）</translation>
    </message>
</context>
<context>
    <name>gx::PhotoCapture</name>
    <message>
        <source>the camera is not ready</source>
        <translation>摄像头尚未就绪</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>「%1」未保存：%2</translation>
    </message>
    <message>
        <source>the camera gave no picture</source>
        <translation>摄像头没有给出画面</translation>
    </message>
    <message>
        <source>the picture is too large</source>
        <translation>照片太大</translation>
    </message>
    <message>
        <source>it could not be encoded as JPEG</source>
        <translation>无法编码为 JPEG</translation>
    </message>
    <message>
        <source>the record is not open</source>
        <translation>记录未打开</translation>
    </message>
</context>
</TS>

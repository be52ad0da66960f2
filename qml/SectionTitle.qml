import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// A heading between the parts of an office screen.
Label {
    font.pixelSize: AppLook.px(18)
    font.bold: true
    wrapMode: Text.Wrap
    Layout.fillWidth: true
    Layout.leftMargin: 12
    Layout.rightMargin: 12
    Layout.topMargin: 8
}

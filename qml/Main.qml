import QtQuick
import QtQuick.Controls
import Gengxin.App

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: qsTr("Gengxin")

    StackView {
        id: nav
        anchors.fill: parent
    }
}

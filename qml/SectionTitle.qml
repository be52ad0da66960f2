import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A heading between the parts of an office screen.
Label {
    font.pixelSize: 18
    font.bold: true
    wrapMode: Text.Wrap
    Layout.fillWidth: true
    Layout.leftMargin: 12
    Layout.rightMargin: 12
    Layout.topMargin: 8
}
